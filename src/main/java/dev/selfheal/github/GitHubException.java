package dev.selfheal.github;

/** A GitHub call that did not succeed, with a message that says what to change. */
public final class GitHubException extends Exception {
  /** What kind of refusal it was, so callers can react without reading messages. */
  public enum Kind {
    UNAUTHORIZED,
    FORBIDDEN,
    RATE_LIMITED,
    NOT_FOUND,
    UNPROCESSABLE,
    SERVER,
    NETWORK,
    MALFORMED
  }

  private final Kind kind;
  private final int status;

  public GitHubException(Kind kind, int status, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  public GitHubException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = 0;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when no answer came. */
  public int status() {
    return status;
  }
}
