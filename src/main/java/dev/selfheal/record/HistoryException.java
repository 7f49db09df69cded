package dev.selfheal.record;

/** The history could not be opened, migrated, written or read; the message says which and why. */
public final class HistoryException extends Exception {
  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
