package com.example.shop;

import java.util.ArrayList;
import java.util.List;

/** A shopping cart. */
public final class Cart {
  private final List<Item> items = new ArrayList<>();

  public Cart add(Item item) {
    items.add(item);
    return this;
  }

  public long totalCents() {
    return items.stream().mapToLong(Item::totalCents).sum();
  }

  /** The total after a percentage discount, rounded down to the cent. */
  public long discountedCents(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be within 0..100: " + percent);
    }
    return totalCents() * (100 - percent) / 100;
  }

  /** A one-line receipt. */
  public String receipt() {
    return size() + " item(s), total " + Money.format(totalCents());
  }

  public int size() {
    return items.size();
  }
}
