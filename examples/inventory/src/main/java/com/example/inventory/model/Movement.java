package com.example.inventory.model;

/** A change to the stock of one SKU. */
public sealed interface Movement permits Receipt, Shipment, Adjustment {
  Sku sku();

  int delta();
}
