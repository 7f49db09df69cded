package com.example.inventory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The stock as JSON, for the shop front. */
public final class StockExport {
  private final ObjectMapper mapper = new ObjectMapper();

  public String toJson(Stock stock) {
    ObjectNode root = mapper.createObjectNode();
    for (Map.Entry<String, Integer> e : stock.snapshot().entrySet()) {
      root.put(e.getKey(), e.getValue());
    }
    return root.toString();
  }

  public Map<?, ?> read(String json) {
    try {
      return mapper.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not stock JSON: " + e.getOriginalMessage(), e);
    }
  }
}
