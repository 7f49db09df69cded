package com.example.inventory.model;

/** A product as the warehouse knows it. */
public record Item(Sku sku, String name, Category category, Money unitPrice) {
  public Item {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an item needs a name");
    }
  }

  public Money priceOf(int quantity) {
    return unitPrice.times(quantity);
  }
}
