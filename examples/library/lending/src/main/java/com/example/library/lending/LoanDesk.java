package com.example.library.lending;

import com.example.library.catalog.Holding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Lends and takes back holdings. */
public final class LoanDesk {
  private final List<Loan> open = new ArrayList<>();
  private final int loanDays;

  public LoanDesk(int loanDays) {
    this.loanDays = loanDays;
  }

  public Loan lend(Holding holding, Member member, LocalDate today) {
    if (loansOf(member).size() >= member.loanLimit()) {
      throw new IllegalStateException(member.name() + " has reached the loan limit");
    }
    Loan loan = new Loan(holding, member, today.plusDays(loanDays));
    open.add(loan);
    return loan;
  }

  public List<Loan> loansOf(Member member) {
    return open.stream().filter(l -> l.member().equals(member)).toList();
  }

  public List<Loan> overdue(LocalDate today) {
    List<Loan> late = new ArrayList<>();
    for (Loan l : open) {
      if (l.overdueOn(today)) {
        late.add(l);
      }
    }
    return late;
  }

  public void giveBack(Loan loan) {
    open.remove(loan);
  }
}
