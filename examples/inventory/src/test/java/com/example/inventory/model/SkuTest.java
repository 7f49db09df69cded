package com.example.inventory.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SkuTest {
  @Test
  void parsesLenientlyAndKnowsItsFamily() {
    Sku sku = Sku.parse(" abc-1234 ");
    assertEquals("ABC-1234", sku.code());
    assertEquals("ABC", sku.family());
  }

  @Test
  void rejectsMalformedCodes() {
    assertThrows(IllegalArgumentException.class, () -> new Sku("AB-12"));
  }
}
