package com.example.shop;

import java.util.Locale;

/** Formats amounts in cents. */
public final class Money {
  private Money() {}

  public static String format(long cents) {
    return String.format(Locale.ROOT, "%d.%02d EUR", cents / 100, cents % 100);
  }
}
