package com.example.library.catalog;

/** Something on the shelves. */
public sealed interface Holding permits PrintCopy, EbookLicence {
  Book book();

  default String kind() {
    return this instanceof PrintCopy ? "print" : "ebook";
  }
}
