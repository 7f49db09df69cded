package com.example.library.lending;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** What a late return costs, in cents. */
public final class FinePolicy {
  public long dailyFine() {
    return 25;
  }

  public long maximumFine() {
    return 1000;
  }

  public long fineFor(Loan loan, LocalDate returned) {
    long days = ChronoUnit.DAYS.between(loan.due(), returned);
    if (days <= 0 || loan.member().staff()) {
      return 0;
    }
    return Math.min(days * dailyFine(), maximumFine());
  }
}
