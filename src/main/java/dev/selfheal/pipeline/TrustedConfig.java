package dev.selfheal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfheal.config.ConfigLoader;
import dev.selfheal.vcs.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * In GitHub Actions, and whenever selfheal proposes a PR, the configuration comes from the default
 * branch, not from the commit being healed: a branch cannot loosen its own guardrails by editing
 * {@code .selfheal.yml}. When the default branch's file cannot be read (a shallow or single-branch
 * checkout, an event without {@code default_branch}), a PR heal uses the defaults — it fails
 * closed, and says so.
 */
final class TrustedConfig {
  private TrustedConfig() {}

  /** The file to read the configuration from (empty: the checkout's own), and what to tell. */
  record Choice(Optional<Path> file, Optional<String> notice) {}

  static Choice choose(Environment env, Path repo, Path scratch, boolean pr) {
    Optional<String> branch = defaultBranch(env, repo, pr);
    if (branch.isEmpty()) {
      return pr
          ? defaults(scratch, "the default branch is not known here")
          : new Choice(Optional.empty(), Optional.empty());
    }
    Git git = new Git(env.runner(), repo);
    String ref = "origin/" + branch.get();
    if (git.resolve(ref).isEmpty()) {
      return env.env().get("GITHUB_EVENT_PATH") != null || pr
          ? defaults(scratch, ref + " is not fetched (a shallow or single-branch checkout?)")
          : new Choice(Optional.empty(), Optional.empty());
    }
    try {
      Path top = git.topLevel().toRealPath();
      String text = null;
      for (String name : ConfigLoader.FILE_NAMES) {
        String rel = top.relativize(repo.toRealPath().resolve(name)).toString();
        try {
          text = git.run("show", ref + ":" + rel.replace('\\', '/'));
          break;
        } catch (IOException absent) {
          // the next name, or none on the default branch: the defaults
        }
      }
      return new Choice(
          Optional.of(write(scratch, branch.get(), text == null ? "{}\n" : text)),
          Optional.of("the configuration was read from the default branch (" + ref + ")"));
    } catch (IOException e) {
      return defaults(scratch, "the default branch's configuration could not be read: " + e);
    }
  }

  /** The event's {@code repository.default_branch}; locally for a PR, what origin/HEAD names. */
  private static Optional<String> defaultBranch(Environment env, Path repo, boolean pr) {
    String event = env.env().get("GITHUB_EVENT_PATH");
    if (event != null && !event.isBlank() && Files.isRegularFile(Path.of(event))) {
      try {
        JsonNode root = Json.mapper().readTree(Path.of(event).toFile());
        String b = root.path("repository").path("default_branch").asText(null);
        if (b != null && !b.isBlank()) {
          return Optional.of(b);
        }
      } catch (IOException e) {
        // an unreadable event names no branch
      }
      return Optional.empty();
    }
    if (!pr) {
      return Optional.empty();
    }
    try {
      String head =
          new Git(env.runner(), repo)
              .run("symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD")
              .strip();
      return head.startsWith("origin/") ? Optional.of(head.substring(7)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Choice defaults(Path scratch, String why) {
    try {
      return new Choice(
          Optional.of(write(scratch, "defaults", "{}\n")),
          Optional.of(
              why
                  + ": the default branch's .selfheal.yml cannot be read, so the defaults apply"
                  + " (never the healed branch's own file)"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path write(Path scratch, String branch, String text) throws IOException {
    Files.createDirectories(scratch);
    Path copy = scratch.resolve("selfheal-from-" + branch.replaceAll("[^\\w.-]", "_") + ".yml");
    Files.writeString(copy, text);
    return copy;
  }
}
