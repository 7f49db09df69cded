package com.example.inventory.service;

import com.example.inventory.model.Item;
import java.util.List;
import java.util.stream.Collectors;

/** The text the warehouse prints every morning. */
public final class StockReport {
  private final ReorderPolicy policy;

  public StockReport(ReorderPolicy policy) {
    this.policy = policy;
  }

  public String headline() {
    return "Stock report";
  }

  public String emptyMessage() {
    return "Nothing in stock";
  }

  public String lineFor(Item item, Stock stock) {
    String flag = policy.needsReorder(item, stock) ? " (reorder)" : "";
    return item.sku().code() + " " + item.name() + ": " + stock.quantityOf(item.sku()) + flag;
  }

  public String render(List<Item> items, Stock stock) {
    if (items.isEmpty()) {
      return emptyMessage();
    }
    return headline()
        + "\n"
        + items.stream().map(i -> lineFor(i, stock)).collect(Collectors.joining("\n"));
  }
}
