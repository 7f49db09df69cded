package com.example.library.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
  static final Book DUNE =
      new Book(Isbn.of("978-0-441-17271-9"), "Dune", List.of(new Author("Frank", "Herbert")), 1965);

  @Test
  void findsBooksByIsbnAndTitle() {
    Catalog catalog = new Catalog();
    catalog.add(DUNE);
    assertEquals(DUNE, catalog.findByIsbn(Isbn.of("9780441172719")).orElseThrow());
    assertEquals(List.of(DUNE), catalog.searchTitle("dun"));
    assertEquals(1, catalog.size());
  }

  @Test
  void namesAndKinds() {
    assertEquals("Herbert, Frank", DUNE.byline());
    assertEquals("F.H.", DUNE.authors().get(0).initials());
    assertEquals("print", new PrintCopy(DUNE, "B1").kind());
    assertEquals("978", DUNE.isbn().prefix());
    assertThrows(IllegalArgumentException.class, () -> Isbn.of("9780441172710"));
  }
}
