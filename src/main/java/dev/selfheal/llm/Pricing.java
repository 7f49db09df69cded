package dev.selfheal.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * USD per million tokens, input and output, by model name prefix (list prices as published by the
 * providers; dated model names match their family). An unknown model has no price: its tokens are
 * counted and capped instead.
 */
public final class Pricing {
  public record Price(double inputPerMillion, double outputPerMillion) {
    public double cost(long in, long out) {
      return (in * inputPerMillion + out * outputPerMillion) / 1_000_000.0;
    }
  }

  private static final Map<String, Price> TABLE = new LinkedHashMap<>();

  static {
    // Longest prefixes first: "gpt-4.1-mini" before "gpt-4.1".
    TABLE.put("claude-opus-4", new Price(15.0, 75.0));
    TABLE.put("claude-sonnet-4", new Price(3.0, 15.0));
    TABLE.put("claude-haiku-4", new Price(1.0, 5.0));
    TABLE.put("claude-3-7-sonnet", new Price(3.0, 15.0));
    TABLE.put("claude-3-5-sonnet", new Price(3.0, 15.0));
    TABLE.put("claude-3-5-haiku", new Price(0.8, 4.0));
    TABLE.put("gpt-4.1-nano", new Price(0.1, 0.4));
    TABLE.put("gpt-4.1-mini", new Price(0.4, 1.6));
    TABLE.put("gpt-4.1", new Price(2.0, 8.0));
    TABLE.put("gpt-4o-mini", new Price(0.15, 0.6));
    TABLE.put("gpt-4o", new Price(2.5, 10.0));
    TABLE.put("o4-mini", new Price(1.1, 4.4));
    TABLE.put("o3", new Price(2.0, 8.0));
  }

  private Pricing() {}

  public static Optional<Price> of(String model) {
    if (model == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, Price> e : TABLE.entrySet()) {
      if (model.startsWith(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
