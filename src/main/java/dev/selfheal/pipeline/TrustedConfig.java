package dev.selfheal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfheal.config.ConfigLoader;
import dev.selfheal.vcs.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * In GitHub Actions, the configuration comes from the default branch, not from the commit being
 * healed: a branch cannot loosen its own guardrails by editing {@code .selfheal.yml}.
 */
final class TrustedConfig {
  private TrustedConfig() {}

  /**
   * The config file to use: the one given, else (in Actions, when the event names the default
   * branch and {@code origin/<default>} is fetched) the default branch's {@code .selfheal.yml}
   * copied into the run folder, else null (the checkout's own, or the defaults).
   */
  static Optional<Path> fromDefaultBranch(Environment env, Path repo, Path scratch) {
    String event = env.env().get("GITHUB_EVENT_PATH");
    if (event == null || event.isBlank() || !Files.isRegularFile(Path.of(event))) {
      return Optional.empty();
    }
    String branch;
    try {
      JsonNode root = Json.mapper().readTree(Path.of(event).toFile());
      branch = root.path("repository").path("default_branch").asText(null);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (branch == null) {
      return Optional.empty();
    }
    Git git = new Git(env.runner(), repo);
    String ref = "origin/" + branch;
    if (git.resolve(ref).isEmpty()) {
      return Optional.empty();
    }
    try {
      Path top = git.topLevel().toRealPath();
      String rel = top.relativize(repo.toRealPath().resolve(ConfigLoader.FILE_NAME)).toString();
      String text;
      try {
        text = git.run("show", ref + ":" + rel.replace('\\', '/'));
      } catch (IOException absent) {
        text = "{}\n"; // no config on the default branch: the defaults, whatever the branch says
      }
      Files.createDirectories(scratch);
      Path copy = scratch.resolve("selfheal-from-" + branch.replaceAll("[^\\w.-]", "_") + ".yml");
      Files.writeString(copy, text);
      return Optional.of(copy);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
