package com.example.inventory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.inventory.model.Adjustment;
import com.example.inventory.model.Receipt;
import com.example.inventory.model.Shipment;
import com.example.inventory.model.Sku;
import org.junit.jupiter.api.Test;

class StockTest {
  private final Sku tea = Sku.parse("TEA-0001");

  @Test
  void movementsChangeTheQuantity() {
    Stock stock = new Stock();
    stock.record(new Receipt(tea, 40, "Leafco"));
    stock.record(new Shipment(tea, 15, "A-17"));
    stock.record(new Adjustment(tea, -1, "broken box"));
    assertEquals(24, stock.quantityOf(tea));
    assertEquals(3, stock.history().size());
  }

  @Test
  void stockNeverGoesNegative() {
    Stock stock = new Stock();
    assertThrows(IllegalStateException.class, () -> stock.record(new Shipment(tea, 1, "A-1")));
  }
}
