package dev.selfheal.vcs;

import dev.selfheal.config.Author;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A remote (origin) seen through git's CLI: what a branch points at there, fetching it, and pushing
 * a commit to a branch. A token, when given, reaches only git's own HTTPS requests to the remote
 * (as an extra header through {@code GIT_CONFIG_*} variables): never an argument, never the config
 * file, never a build.
 */
public final class Remote {
  private final Git git;
  private final String name;
  private final String token;

  public Remote(Git git, String name, String token) {
    this.git = git;
    this.name = name;
    this.token = token;
  }

  /** The commit a branch points at on the remote, or empty when the branch does not exist. */
  public Optional<String> branchTip(String branch) throws IOException {
    String out = git.run(auth(), "ls-remote", name, "refs/heads/" + branch).strip();
    if (out.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(out.split("\\s+")[0]);
  }

  /** Fetches a branch's commits so they can be read here; returns its tip. */
  public String fetch(String branch) throws IOException {
    git.run(auth(), "fetch", "-q", "--no-tags", name, "refs/heads/" + branch);
    return git.run("rev-parse", "FETCH_HEAD").strip();
  }

  /**
   * Points a remote branch at a commit, only if it still points where we saw it ({@code expected},
   * null: must not exist yet): a branch someone else just moved is never overwritten.
   */
  public void push(String commit, String branch, String expected) throws IOException {
    String lease =
        "--force-with-lease=refs/heads/" + branch + ":" + (expected == null ? "" : expected);
    git.run(auth(), "push", "-q", "--no-verify", lease, name, commit + ":refs/heads/" + branch);
  }

  /**
   * Commits the given files as they are in the work tree on top of {@code base}, as {@code author}
   * (author and committer), without touching HEAD, the index or any branch; returns the new commit.
   */
  public static String commitFiles(
      Git git, String base, List<String> files, String message, Path scratch, Author author)
      throws IOException {
    Path index = Files.createTempFile(scratch, "selfheal-index", "");
    try {
      Map<String, String> env = Map.of("GIT_INDEX_FILE", index.toString());
      Files.delete(index); // git creates it; an empty file is not a valid index
      git.run(env, "read-tree", base);
      List<String> add = new ArrayList<>(List.of("add", "-A", "-f", "--"));
      add.addAll(files);
      git.run(env, add.toArray(String[]::new));
      String tree = git.run(env, "write-tree").strip();
      return git.run(
              Map.of(
                  "GIT_AUTHOR_NAME", author.name(),
                  "GIT_AUTHOR_EMAIL", author.email(),
                  "GIT_COMMITTER_NAME", author.name(),
                  "GIT_COMMITTER_EMAIL", author.email()),
              "commit-tree",
              tree,
              "-p",
              base,
              "-m",
              message)
          .strip();
    } finally {
      Files.deleteIfExists(index);
    }
  }

  /**
   * A selfheal branch is one commit on a failing commit, authored and committed by selfheal: a
   * person who pushed onto it or amended it shows up as the tip's author or committer.
   */
  public static boolean madeBySelfheal(Git git, String tip, Author author) throws IOException {
    for (String who : git.run("log", "-1", "--format=%ae%n%ce", tip).strip().split("\n")) {
      if (!author.isOwn(who)) {
        return false;
      }
    }
    return true;
  }

  public static String treeOf(Git git, String rev) throws IOException {
    return git.run("rev-parse", rev + "^{tree}").strip();
  }

  private Map<String, String> auth() {
    if (token == null) {
      return Map.of();
    }
    Optional<String> url = git.remoteUrl(name);
    if (url.isEmpty() || !url.get().startsWith("https://")) {
      return Map.of(); // ssh and local remotes bring their own credentials
    }
    String host = url.get().substring(0, url.get().indexOf('/', "https://".length()) + 1);
    String basic =
        Base64.getEncoder()
            .encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8));
    return Map.of(
        "GIT_CONFIG_COUNT", "1",
        "GIT_CONFIG_KEY_0", "http." + host + ".extraheader",
        "GIT_CONFIG_VALUE_0", "AUTHORIZATION: basic " + basic);
  }
}
