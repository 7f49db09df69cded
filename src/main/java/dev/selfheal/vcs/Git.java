package dev.selfheal.vcs;

import dev.selfheal.exec.CommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    List<String> argv = new ArrayList<>();
    argv.add("git");
    argv.add("-c");
    argv.add("core.quotePath=false");
    argv.addAll(List.of(args));
    CommandRunner.Captured c = runner.capture(argv, dir, TIMEOUT);
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
