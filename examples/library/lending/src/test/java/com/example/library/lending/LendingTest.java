package com.example.library.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.library.catalog.Author;
import com.example.library.catalog.Book;
import com.example.library.catalog.Isbn;
import com.example.library.catalog.PrintCopy;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LendingTest {
  private final PrintCopy copy =
      new PrintCopy(
          new Book(Isbn.of("9780441172719"), "Dune", List.of(new Author("Frank", "Herbert")), 1965),
          "B1");
  private final Member ann = new Member("C-1", "Ann", false);
  private final LocalDate day = LocalDate.of(2026, 3, 1);

  @Test
  void lendsUntilTheDueDate() {
    LoanDesk desk = new LoanDesk(14);
    Loan loan = desk.lend(copy, ann, day);
    assertEquals(LocalDate.of(2026, 3, 15), loan.due());
    assertTrue(desk.overdue(day.plusDays(15)).contains(loan));
    assertEquals(8, ann.loanLimit());
  }

  @Test
  void finesAreCapped() {
    FinePolicy policy = new FinePolicy();
    Loan loan = new Loan(copy, ann, day);
    assertEquals(25, policy.dailyFine());
    assertEquals(75, policy.fineFor(loan, day.plusDays(3)));
    assertEquals(1000, policy.fineFor(loan, day.plusDays(300)));
  }

  @Test
  void writesJson() {
    Loan loan = new Loan(copy, ann, day);
    assertEquals("{\"title\":\"Dune\",\"card\":\"C-1\",\"due\":\"2026-03-01\"}", new LoanJson().toJson(loan));
  }
}
