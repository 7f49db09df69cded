package com.example.library.lending;

/** A card holder. */
public record Member(String cardNumber, String name, boolean staff) {
  public int loanLimit() {
    return staff ? 20 : 8;
  }
}
