package dev.selfheal.pipeline;

import dev.selfheal.breakage.Breakage;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.vcs.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Throwaway repositories for the eval and drill: a project copied without its build outputs,
 * committed as a person would, then broken by a commit. Never the user's own tree.
 */
public final class ScratchRepo {
  private static final String[] PERSON = {
    "-c", "user.name=Dev", "-c", "user.email=dev@example.invalid", "-c", "commit.gpgsign=false"
  };

  private ScratchRepo() {}

  private static Git git(Path dir) {
    return new Git(CommandRunner.system(), dir);
  }

  /**
   * Copies {@code from} (its files, not its build outputs or .git) to {@code to} and commits it.
   */
  public static Path create(Path from, Path to, String message) throws IOException {
    dev.selfheal.validate.Workspace.copyTree(from, to);
    Git g = git(to);
    g.run("init", "-q", "-b", "main");
    if (!Files.exists(to.resolve(".gitignore"))) {
      Files.writeString(
          to.resolve(".gitignore"), "target/\nnode_modules/\n__pycache__/\n.pytest_cache/\n");
    }
    commit(g, message);
    return to;
  }

  /**
   * A copy of a git repository's committed state at HEAD (a local clone: untracked and ignored
   * files, and uncommitted changes, stay where they are).
   */
  public static Path cloneOf(Path repo, Path to) throws IOException {
    Git g = git(repo);
    String top = g.topLevel().toString();
    git(to.getParent()).run("clone", "-q", "--no-hardlinks", top, to.toString());
    return to;
  }

  /** Writes files into the project (e.g. settings for a nested build) and commits them. */
  public static void commitFiles(
      Path repo, Map<String, String> writes, Set<String> deletes, String message)
      throws IOException {
    for (String d : deletes) {
      Files.deleteIfExists(repo.resolve(d));
    }
    for (Map.Entry<String, String> w : writes.entrySet()) {
      Path p = repo.resolve(w.getKey()).normalize();
      if (!p.startsWith(repo)) {
        throw new IllegalArgumentException("writes outside the repository: " + w.getKey());
      }
      Files.createDirectories(p.getParent());
      Files.writeString(p, w.getValue());
    }
    commit(git(repo), message);
  }

  public static void commitBreakage(Path repo, Breakage b) throws IOException {
    b.commit(git(repo));
  }

  /** What a heal changed in the work tree: each file's committed text and its text now. */
  public record Changes(Map<String, String> before, Map<String, String> after) {}

  public static Changes changes(Path repo) throws IOException {
    Git g = git(repo);
    java.util.List<String> files = new java.util.ArrayList<>(g.changedTracked());
    files.addAll(g.untracked());
    Map<String, String> before = new java.util.LinkedHashMap<>();
    Map<String, String> after = new java.util.LinkedHashMap<>();
    for (String f : files) {
      String was;
      try {
        was = g.run("show", "HEAD:" + f);
      } catch (IOException untracked) {
        was = null;
      }
      before.put(f, was);
      Path p = repo.resolve(f);
      after.put(f, Files.exists(p) ? Files.readString(p) : null);
    }
    return new Changes(before, after);
  }

  private static void commit(Git g, String message) throws IOException {
    g.run("add", "-A");
    String[] args = new String[PERSON.length + 6];
    System.arraycopy(PERSON, 0, args, 0, PERSON.length);
    System.arraycopy(
        new String[] {"commit", "-q", "--no-verify", "--allow-empty", "-m", message},
        0,
        args,
        PERSON.length,
        6);
    g.run(args);
  }
}
