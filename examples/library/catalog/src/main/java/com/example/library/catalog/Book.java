package com.example.library.catalog;

import java.util.List;

/** A title the library may hold copies of. */
public record Book(Isbn isbn, String title, List<Author> authors, int year) {
  public Book {
    authors = List.copyOf(authors);
  }

  public String byline() {
    return authors.stream().map(Author::displayName).reduce((a, b) -> a + "; " + b).orElse("anon");
  }
}
