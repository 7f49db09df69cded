package dev.selfheal.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the --repo argument before anything runs in it. */
final class Repo {
  private Repo() {}

  static Path require(Path repo) throws UsageException {
    Path r = repo.toAbsolutePath().normalize();
    if (!Files.exists(r)) {
      throw new UsageException("--repo " + repo + " does not exist");
    }
    if (!Files.isDirectory(r)) {
      throw new UsageException("--repo " + repo + " is not a directory");
    }
    return r;
  }
}
