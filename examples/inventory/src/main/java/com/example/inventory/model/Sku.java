package com.example.inventory.model;

/** A stock-keeping unit: three capital letters, a dash, four digits. */
public record Sku(String code) {
  public Sku {
    if (code == null || !code.matches("[A-Z]{3}-\\d{4}")) {
      throw new IllegalArgumentException("not a SKU: " + code);
    }
  }

  public static Sku parse(String text) {
    return new Sku(text.strip().toUpperCase(java.util.Locale.ROOT));
  }

  public String family() {
    return code.substring(0, 3);
  }
}
