package com.example.library.web;

import com.example.library.catalog.Book;
import com.example.library.catalog.Holding;
import java.util.List;

/** How a book is shown on the site. */
public final class BookView {
  public String title(Book book) {
    return book.title() + " (" + book.year() + ")";
  }

  public String availability(List<Holding> holdings) {
    if (holdings.isEmpty()) {
      return unavailableText();
    }
    return holdings.size() + " " + holdings.get(0).kind() + " cop" + (holdings.size() == 1 ? "y" : "ies");
  }

  public String unavailableText() {
    return "Not held";
  }
}
