package com.example.library.web;

import com.example.library.lending.FinePolicy;
import com.example.library.lending.Loan;
import java.time.LocalDate;

/** The e-mail a member gets when a loan is late. */
public final class OverdueNotice {
  private final FinePolicy fines;

  public OverdueNotice(FinePolicy fines) {
    this.fines = fines;
  }

  public String subject() {
    return "Your loan is overdue";
  }

  public String body(Loan loan, LocalDate today) {
    long cents = fines.fineFor(loan, today);
    return "Please return " + loan.holding().book().title() + ". Fine so far: " + cents + " cents.";
  }
}
