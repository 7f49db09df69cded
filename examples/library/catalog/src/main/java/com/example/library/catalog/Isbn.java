package com.example.library.catalog;

/** A 13-digit ISBN, checked. */
public record Isbn(String digits) {
  public Isbn {
    if (digits == null || !digits.matches("\\d{13}") || !checksumOk(digits)) {
      throw new IllegalArgumentException("invalid ISBN-13: " + digits);
    }
  }

  public static Isbn of(String text) {
    return new Isbn(text.replace("-", "").strip());
  }

  private static boolean checksumOk(String d) {
    int sum = 0;
    for (int i = 0; i < 13; i++) {
      sum += (d.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return sum % 10 == 0;
  }

  public String prefix() {
    return digits.substring(0, 3);
  }
}
