package com.example.inventory.service;

import com.example.inventory.model.Category;
import com.example.inventory.model.Item;

/** When to order more of an item, and how much. */
public final class ReorderPolicy {
  public int minimumFor(Category category) {
    return switch (category) {
      case FRESH -> 20;
      case FROZEN -> 10;
      case DRY -> 5;
      case HAZARDOUS -> 2;
    };
  }

  public boolean needsReorder(Item item, Stock stock) {
    return stock.quantityOf(item.sku()) < minimumFor(item.category());
  }

  public int orderQuantity(Item item, Stock stock) {
    int missing = minimumFor(item.category()) - stock.quantityOf(item.sku());
    return missing <= 0 ? 0 : missing * 2;
  }
}
