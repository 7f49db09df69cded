package com.example.library.catalog;

/** A physical copy, with its barcode. */
public record PrintCopy(Book book, String barcode) implements Holding {}
