package dev.selfheal.llm;

import java.time.Duration;

/**
 * The one retry policy: a retriable fault (429, 529, 5xx, timeout, refused connection) is tried
 * again after a growing pause, {@code attempts} times in all; then the last fault stands.
 */
public final class RetryingClient implements ChatClient {
  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Pause {
    void sleep(Duration d) throws InterruptedException;
  }

  private final ChatClient inner;
  private final int attempts;
  private final Duration first;
  private final Pause pause;

  public RetryingClient(ChatClient inner, int attempts, Duration first, Pause pause) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.inner = inner;
    this.attempts = attempts;
    this.first = first;
    this.pause = pause;
  }

  public static RetryingClient standard(ChatClient inner) {
    return new RetryingClient(inner, 3, Duration.ofSeconds(2), d -> Thread.sleep(d.toMillis()));
  }

  @Override
  public Reply complete(Request r) throws LlmException {
    LlmException last = null;
    Duration wait = first;
    for (int i = 1; i <= attempts; i++) {
      try {
        return inner.complete(r);
      } catch (LlmException e) {
        last = e;
        if (!e.retriable() || i == attempts) {
          break;
        }
        try {
          pause.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new LlmException("interrupted while waiting to retry the model call", false, ie);
        }
        wait = wait.multipliedBy(2);
      }
    }
    throw new LlmException(
        last.getMessage() + (last.retriable() ? "; gave up after " + attempts + " attempts" : ""),
        false,
        last);
  }

  @Override
  public String model() {
    return inner.model();
  }

  @Override
  public String provider() {
    return inner.provider();
  }
}
