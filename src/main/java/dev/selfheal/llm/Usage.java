package dev.selfheal.llm;

import java.util.Optional;

/**
 * Calls, tokens and cost of one heal, and the budget they spend: {@code llm.max_cost_usd_per_heal}
 * for a priced model, a token cap for one without a price.
 */
public final class Usage {
  /** For a model with no known price: tokens in and out per heal, a generous but firm limit. */
  static final long TOKEN_CAP = 400_000;

  /** One call: what it was for, its tokens, its cost (empty for an unpriced model). */
  public record Call(
      String purpose, long inputTokens, long outputTokens, Optional<Double> costUsd) {}

  private final java.util.function.Supplier<String> model;
  private final double maxCostUsd;
  private final java.util.List<Call> log = new java.util.ArrayList<>();
  private int calls;
  private long in;
  private long out;

  public Usage(String model, double maxCostUsd) {
    this(() -> model, maxCostUsd);
  }

  /** For a client whose model is known only once it answered (a replay of recordings). */
  Usage(java.util.function.Supplier<String> model, double maxCostUsd) {
    this.model = model;
    this.maxCostUsd = maxCostUsd;
  }

  public synchronized void add(String purpose, ChatClient.Reply r) {
    log.add(
        new Call(
            purpose,
            r.inputTokens(),
            r.outputTokens(),
            Pricing.of(model.get()).map(p -> p.cost(r.inputTokens(), r.outputTokens()))));
    calls++;
    in += r.inputTokens();
    out += r.outputTokens();
  }

  public synchronized java.util.List<Call> perCall() {
    return java.util.List.copyOf(log);
  }

  public synchronized int calls() {
    return calls;
  }

  public synchronized long inputTokens() {
    return in;
  }

  public synchronized long outputTokens() {
    return out;
  }

  /** The cost in USD; empty when the model's price is unknown. */
  public synchronized Optional<Double> costUsd() {
    return Pricing.of(model.get()).map(p -> p.cost(in, out));
  }

  /** Why no further call may be made, or empty while within budget. */
  public synchronized Optional<String> exhausted() {
    Optional<Double> cost = costUsd();
    if (cost.isPresent() && cost.get() >= maxCostUsd) {
      return Optional.of(
          String.format(
              java.util.Locale.ROOT,
              "the LLM budget is spent: $%.4f of llm.max_cost_usd_per_heal $%.2f",
              cost.get(),
              maxCostUsd));
    }
    if (cost.isEmpty() && in + out >= TOKEN_CAP) {
      return Optional.of(
          "the LLM token cap is reached: "
              + (in + out)
              + " tokens (no price is known for "
              + model.get()
              + ", so tokens are capped at "
              + TOKEN_CAP
              + ")");
    }
    return Optional.empty();
  }
}
