package com.example.inventory.model;

/** Goods arriving from a supplier. */
public record Receipt(Sku sku, int quantity, String supplier) implements Movement {
  public int delta() {
    return quantity;
  }
}
