package dev.selfheal.breakage;

import dev.selfheal.vcs.Git;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One way a working project breaks, as a commit would break it: the files it writes and removes,
 * the message it is committed with, and what the healer should then do.
 *
 * @param id stable across runs: the operator and the place, e.g. {@code rename-method:Stock.record}
 */
public record Breakage(
    String id,
    Operator.Kind kind,
    String description,
    String commitMessage,
    Map<String, String> writes,
    Set<String> deletes,
    Expectation expected) {
  public Breakage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expected, "expected");
    if (commitMessage == null || commitMessage.isBlank()) {
      throw new IllegalArgumentException(id + ": a breakage is committed with a message");
    }
    writes = Map.copyOf(writes);
    deletes = Set.copyOf(deletes);
    if (writes.isEmpty() && deletes.isEmpty()) {
      throw new IllegalArgumentException(id + ": a breakage changes something");
    }
  }

  /** Writes the breakage into the repository {@code git} works in and commits it. */
  public void commit(Git git) throws IOException {
    Path root = git.dir();
    for (String file : deletes) {
      Files.deleteIfExists(root.resolve(file));
    }
    for (Map.Entry<String, String> w : writes.entrySet()) {
      Path p = root.resolve(w.getKey()).normalize();
      if (!p.startsWith(root)) {
        throw new IllegalArgumentException(id + ": writes outside the repository: " + w.getKey());
      }
      Files.createDirectories(p.getParent());
      Files.writeString(p, w.getValue(), StandardCharsets.UTF_8);
    }
    git.run("add", "-A");
    // Its own identity: selfheal refuses to heal commits it authored, and these are a person's.
    git.run(
        "-c",
        "user.name=Breakage Operator",
        "-c",
        "user.email=breakage@example.invalid",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "--no-verify",
        "-m",
        commitMessage);
  }
}
