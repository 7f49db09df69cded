package com.example.inventory.service;

import com.example.inventory.model.Item;
import com.example.inventory.model.Money;
import java.util.Collection;

/** What the stock is worth, at unit prices less the bulk discount. */
public final class Valuation {
  public Money valueOf(Collection<Item> items, Stock stock) {
    Money total = Money.ZERO;
    for (Item item : items) {
      int quantity = stock.quantityOf(item.sku());
      total = total.plus(discounted(item.priceOf(quantity), quantity));
    }
    return total;
  }

  public Money discounted(Money amount, int quantity) {
    return quantity >= bulkQuantity() ? amount.percentOff(bulkPercent()) : amount;
  }

  public int bulkQuantity() {
    return 100;
  }

  public int bulkPercent() {
    return 10;
  }
}
