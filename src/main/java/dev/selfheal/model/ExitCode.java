package dev.selfheal.model;

/** The process exit codes, the same for every command. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int USAGE = 2;
  public static final int NEEDS_PERSON = 3;

  private ExitCode() {}
}
