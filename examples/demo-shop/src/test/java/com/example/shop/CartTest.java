package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CartTest {
  @Test
  void totalIsTheSumOfTheLines() {
    Cart cart = new Cart().add(new Item("apple", 50, 3)).add(new Item("pear", 120, 1));
    assertEquals(270, cart.totalCents());
  }

  @Test
  void emptyCartCostsNothing() {
    assertEquals(0, new Cart().totalCents());
  }
}
