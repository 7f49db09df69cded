package com.example.library.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.library.catalog.Author;
import com.example.library.catalog.Book;
import com.example.library.catalog.Isbn;
import com.example.library.catalog.PrintCopy;
import com.example.library.lending.FinePolicy;
import com.example.library.lending.Loan;
import com.example.library.lending.Member;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebTest {
  private final Book dune =
      new Book(Isbn.of("9780441172719"), "Dune", List.of(new Author("Frank", "Herbert")), 1965);

  @Test
  void booksAreShownWithTheirYearAndCopies() {
    BookView view = new BookView();
    assertEquals("Dune (1965)", view.title(dune));
    assertEquals("1 print copy", view.availability(List.of(new PrintCopy(dune, "B1"))));
    assertEquals("Not held", view.availability(List.of()));
  }

  @Test
  void overdueNoticesNameTheFine() {
    LocalDate due = LocalDate.of(2026, 3, 1);
    Loan loan = new Loan(new PrintCopy(dune, "B1"), new Member("C-1", "Ann", false), due);
    OverdueNotice notice = new OverdueNotice(new FinePolicy());
    assertEquals("Your loan is overdue", notice.subject());
    assertEquals("Please return Dune. Fine so far: 50 cents.", notice.body(loan, due.plusDays(2)));
  }

  @Test
  void theCommandLineAnswers() {
    assertEquals(0, LibraryCommand.run("--title", "dune"));
  }
}
