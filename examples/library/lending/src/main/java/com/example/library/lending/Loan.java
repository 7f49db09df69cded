package com.example.library.lending;

import com.example.library.catalog.Holding;
import java.time.LocalDate;

/** One holding lent to one member until a due date. */
public record Loan(Holding holding, Member member, LocalDate due) {
  public boolean overdueOn(LocalDate day) {
    return day.isAfter(due);
  }
}
