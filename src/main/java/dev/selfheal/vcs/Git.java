package dev.selfheal.vcs;

import dev.selfheal.exec.CommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Git through its CLI, as the user's own git would run it. */
public final class Git {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private final CommandRunner runner;
  private final Path dir;

  public Git(CommandRunner runner, Path dir) {
    this.runner = runner;
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** True when {@code dir} is inside a git work tree (and git is installed). */
  public boolean isRepository() {
    try {
      return runner
          .capture(List.of("git", "rev-parse", "--is-inside-work-tree"), dir, TIMEOUT)
          .ok();
    } catch (IOException e) {
      return false;
    }
  }

  public String run(String... args) throws IOException {
    return run(Map.of(), args);
  }

  /** Runs git with variables added to its environment (an index file, a credential). */
  public String run(Map<String, String> env, String... args) throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add("git");
    argv.add("-c");
    argv.add("core.quotePath=false");
    argv.addAll(List.of(args));
    Map<String, String> all = new HashMap<>(env);
    all.put("GIT_TERMINAL_PROMPT", "0"); // a push without credentials fails, it does not hang
    CommandRunner.Captured c = runner.capture(argv, dir, TIMEOUT, all);
    if (!c.ok()) {
      throw new GitException(
          "git " + String.join(" ", args) + " failed in " + dir + ": " + c.stderr().strip());
    }
    return c.stdout();
  }

  public String head() throws IOException {
    return run("rev-parse", "HEAD").strip();
  }

  public Path topLevel() throws IOException {
    return Path.of(run("rev-parse", "--show-toplevel").strip());
  }

  /**
   * Tracked files changed against HEAD (modified, added, deleted, renamed), NUL-separated by git.
   */
  public List<String> changedTracked() throws IOException {
    return split(run("diff", "HEAD", "--name-only", "-z", "--no-renames"));
  }

  /** Untracked files that are not ignored. */
  public List<String> untracked() throws IOException {
    return split(run("ls-files", "--others", "--exclude-standard", "-z"));
  }

  /** Ignored files and folders (folders end with a slash). */
  public List<String> ignored() throws IOException {
    return split(
        run("ls-files", "--others", "--ignored", "--exclude-standard", "--directory", "-z"));
  }

  /** Commits everything in the work tree as a throwaway commit with selfheal's identity. */
  public void commitAll(String message) throws IOException {
    run("add", "-A");
    run(
        "-c",
        "user.name=selfheal",
        "-c",
        "user.email=selfheal@localhost",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "--no-verify",
        "--allow-empty",
        "-m",
        message);
  }

  /** The branch checked out, or empty when HEAD is detached. */
  public Optional<String> currentBranch() {
    return quiet("symbolic-ref", "--short", "-q", "HEAD");
  }

  public Optional<String> remoteUrl(String remote) {
    return quiet("remote", "get-url", remote);
  }

  public String authorEmail(String rev) throws IOException {
    return run("log", "-1", "--format=%ae", rev).strip();
  }

  /** Resolves a revision, or empty when it does not exist here. */
  public Optional<String> resolve(String rev) {
    return quiet("rev-parse", "--verify", "-q", rev + "^{commit}");
  }

  public boolean isAncestor(String ancestor, String rev) {
    try {
      run("merge-base", "--is-ancestor", ancestor, rev);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Optional<String> quiet(String... args) {
    try {
      String out = run(args).strip();
      return out.isEmpty() ? Optional.empty() : Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<String> split(String nulSeparated) {
    List<String> out = new ArrayList<>();
    for (String s : nulSeparated.split("\u0000")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
