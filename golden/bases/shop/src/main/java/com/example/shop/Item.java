package com.example.shop;

/** A line in a cart: what it is, its unit price in cents, and how many. */
public record Item(String sku, long unitCents, int quantity) {
  public Item {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
    }
  }

  public long totalCents() {
    return unitCents * quantity;
  }
}
