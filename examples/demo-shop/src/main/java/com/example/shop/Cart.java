package com.example.shop;

import java.util.ArrayList;

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

  public int size() {
    return items.size();
  }
}
