package com.example.inventory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.inventory.model.Receipt;
import com.example.inventory.model.Sku;
import org.junit.jupiter.api.Test;

class StockExportTest {
  @Test
  void exportsQuantitiesBySku() {
    Stock stock = new Stock();
    stock.record(new Receipt(Sku.parse("TEA-0001"), 4, "Leafco"));
    StockExport export = new StockExport();
    assertEquals("{\"TEA-0001\":4}", export.toJson(stock));
    assertEquals(4, export.read(export.toJson(stock)).get("TEA-0001"));
  }
}
