package dev.selfheal.exec;

/** The command's program is not on the PATH or not executable; the message says what to do. */
public final class CommandNotFoundException extends Exception {
  public CommandNotFoundException(String message) {
    super(message);
  }
}
