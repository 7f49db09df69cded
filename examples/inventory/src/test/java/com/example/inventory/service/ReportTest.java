package com.example.inventory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.inventory.model.Category;
import com.example.inventory.model.Item;
import com.example.inventory.model.Money;
import com.example.inventory.model.Receipt;
import com.example.inventory.model.Sku;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
  private final Item tea =
      new Item(Sku.parse("TEA-0001"), "Green tea", Category.DRY, Money.ofCents(450));

  @Test
  void rendersOneLinePerItem() {
    Stock stock = new Stock();
    stock.record(new Receipt(tea.sku(), 3, "Leafco"));
    StockReport report = new StockReport(new ReorderPolicy());
    assertEquals("Stock report", report.headline());
    assertEquals("Stock report\nTEA-0001 Green tea: 3 (reorder)", report.render(List.of(tea), stock));
    assertEquals("Nothing in stock", report.render(List.of(), stock));
  }

  @Test
  void reorderPolicyByCategory() {
    ReorderPolicy policy = new ReorderPolicy();
    Stock stock = new Stock();
    assertEquals(20, policy.minimumFor(Category.FRESH));
    assertEquals(5, policy.minimumFor(Category.DRY));
    assertTrue(policy.needsReorder(tea, stock));
    assertEquals(10, policy.orderQuantity(tea, stock));
  }

  @Test
  void valuationAppliesTheBulkDiscount() {
    Stock stock = new Stock();
    stock.record(new Receipt(tea.sku(), 100, "Leafco"));
    Valuation valuation = new Valuation();
    assertEquals(100, valuation.bulkQuantity());
    assertEquals(10, valuation.bulkPercent());
    assertEquals("405.00", valuation.valueOf(List.of(tea), stock).format());
  }
}
