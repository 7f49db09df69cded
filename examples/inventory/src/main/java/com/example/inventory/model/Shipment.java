package com.example.inventory.model;

/** Goods leaving for a customer. */
public record Shipment(Sku sku, int quantity, String orderId) implements Movement {
  public int delta() {
    return -quantity;
  }
}
