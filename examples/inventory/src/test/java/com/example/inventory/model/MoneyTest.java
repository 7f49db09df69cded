package com.example.inventory.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void arithmeticAndFormat() {
    Money m = Money.ofCents(1250).times(3).plus(Money.ofCents(5));
    assertEquals(3755, m.cents());
    assertEquals("37.55", m.format());
    assertEquals("33.80", m.percentOff(10).format());
  }

  @Test
  void categoriesHaveShelfLabels() {
    assertEquals("chilled", Category.FRESH.shelfLabel());
    assertEquals("locked cage", Category.HAZARDOUS.shelfLabel());
  }
}
