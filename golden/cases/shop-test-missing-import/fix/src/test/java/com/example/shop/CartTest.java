package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.shop.auth.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartTest {
  private static Cart cart() {
    return new Cart().add(new Item("apple", 50, 3)).add(new Item("pear", 120, 1));
  }

  @Test
  void totalIsTheSumOfTheLines() {
    assertEquals(270, cart().totalCents());
  }

  @Test
  void emptyCartCostsNothing() {
    assertEquals(0, new Cart().totalCents());
  }

  @Test
  void discountRoundsDown() {
    assertEquals(243, cart().discountedCents(10));
    assertEquals(0, cart().discountedCents(100));
  }

  @Test
  void receiptSaysCountAndTotal() {
    assertEquals("2 item(s), total 2.70 EUR", cart().receipt());
  }

  @Test
  void tokensAllowTheirScopes() {
    assertTrue(new Token("t", List.of("cart:write")).allows("cart:write"));
  }
}
