package dev.selfheal.llm;

/**
 * A model call that did not give an answer: the message says what happened and what to do next.
 * {@code retriable} faults (429, 529, 5xx, timeouts, refused connections) may pass on a later try.
 */
public final class LlmException extends Exception {
  private final boolean retriable;

  public LlmException(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  public LlmException(String message, boolean retriable) {
    this(message, retriable, null);
  }

  public boolean retriable() {
    return retriable;
  }
}
