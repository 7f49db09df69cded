package dev.selfheal.vcs;

import java.io.IOException;

/** A git command failed; the message quotes git's own words. */
public final class GitException extends IOException {
  public GitException(String message) {
    super(message);
  }
}
