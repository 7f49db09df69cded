package dev.selfheal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real git repositories for tests, committed with a fixed identity and date. */
public final class GitRepos {
  private GitRepos() {}

  public static void git(Path dir, String... args) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main"));
    argv.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a git command printed, stripped. */
  public static String output(Path dir, String... args) {
    List<String> argv = new ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(argv).directory(dir.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      String err = new String(p.getErrorStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + err);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** git init, then everything in the folder as one commit. */
  public static Path commitAll(Path dir, String message) {
    if (!dir.resolve(".git").toFile().exists()) {
      git(dir, "init", "-q");
      Projects.write(dir, ".gitignore", "target/\n");
    }
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", message);
    return dir;
  }
}
