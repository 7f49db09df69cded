package com.example.inventory.model;

/** An amount in cents; never negative. */
public record Money(long cents) {
  public static final Money ZERO = new Money(0);

  public Money {
    if (cents < 0) {
      throw new IllegalArgumentException("negative amount: " + cents);
    }
  }

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  public Money plus(Money other) {
    return new Money(cents + other.cents);
  }

  public Money times(int quantity) {
    return new Money(cents * quantity);
  }

  public Money percentOff(int percent) {
    return new Money(cents - cents * percent / 100);
  }

  public String format() {
    return String.format("%d.%02d", cents / 100, cents % 100);
  }
}
