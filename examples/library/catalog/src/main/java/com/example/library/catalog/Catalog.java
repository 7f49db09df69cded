package com.example.library.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The library's titles, searchable. */
public final class Catalog {
  private final List<Book> books = new ArrayList<>();

  public void add(Book book) {
    books.add(book);
  }

  public Optional<Book> findByIsbn(Isbn isbn) {
    return books.stream().filter(b -> b.isbn().equals(isbn)).findFirst();
  }

  public List<Book> searchTitle(String words) {
    String needle = words.toLowerCase(java.util.Locale.ROOT);
    return books.stream()
        .filter(b -> b.title().toLowerCase(java.util.Locale.ROOT).contains(needle))
        .sorted(Comparator.comparing(Book::title))
        .toList();
  }

  public int size() {
    return books.size();
  }
}
