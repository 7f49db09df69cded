package com.example.library.catalog;

/** A licence for a number of simultaneous ebook loans. */
public record EbookLicence(Book book, int seats) implements Holding {}
