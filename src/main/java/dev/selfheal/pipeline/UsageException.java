package dev.selfheal.pipeline;

/** Bad usage or configuration (exit 2); the message says what to change. */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
