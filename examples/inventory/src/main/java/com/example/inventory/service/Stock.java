package com.example.inventory.service;

import com.example.inventory.model.Movement;
import com.example.inventory.model.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** On-hand quantities per SKU, kept by applying movements in order. */
public final class Stock {
  private final Map<String, Integer> onHand = new TreeMap<>();
  private final List<Movement> journal = new ArrayList<>();

  public void record(Movement movement) {
    int next = quantityOf(movement.sku()) + movement.delta();
    if (next < 0) {
      throw new IllegalStateException("not enough " + movement.sku().code() + " in stock");
    }
    onHand.put(movement.sku().code(), next);
    journal.add(movement);
  }

  public int quantityOf(Sku sku) {
    return onHand.getOrDefault(sku.code(), 0);
  }

  public List<Movement> history() {
    return List.copyOf(journal);
  }

  public Map<String, Integer> snapshot() {
    return Map.copyOf(onHand);
  }
}
