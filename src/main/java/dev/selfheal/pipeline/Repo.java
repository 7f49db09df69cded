package dev.selfheal.pipeline;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository a command works on: {@code --repo} as given, checked; or, without it, found from
 * the current folder as git finds its own — walking up to the work tree's top, and taking the
 * highest folder on the way that holds a build file or selfheal's config (so a run from {@code
 * module-a/src} works on the whole multi-module build, and one inside a monorepo's {@code
 * services/api} on that project).
 */
public final class Repo {
  private static final List<String> MARKERS =
      List.of(
          ".selfheal.yml",
          ".selfheal.yaml",
          "pom.xml",
          "build.gradle",
          "build.gradle.kts",
          "settings.gradle",
          "settings.gradle.kts",
          "package.json",
          "pyproject.toml",
          "setup.py",
          "pytest.ini");

  private Repo() {}

  static Path require(Path repo) throws UsageException {
    if (repo == null) {
      return discover(Path.of("").toAbsolutePath());
    }
    Path r = repo.toAbsolutePath().normalize();
    if (!Files.exists(r)) {
      throw new UsageException("--repo " + repo + " does not exist");
    }
    if (!Files.isDirectory(r)) {
      throw new UsageException("--repo " + repo + " is not a directory");
    }
    return r;
  }

  private static boolean holdsMarker(Path dir) {
    for (String m : MARKERS) {
      if (Files.isRegularFile(dir.resolve(m))) {
        return true;
      }
    }
    return false;
  }

  /** The top of the git work tree holding {@code cwd}, else {@code cwd} itself. */
  public static Path gitTop(Path cwd) {
    Path start = cwd.toAbsolutePath().normalize();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return p;
      }
    }
    return start;
  }

  /** The repository a run from {@code cwd} means (see the class comment). */
  public static Path discover(Path cwd) {
    Path start = cwd.toAbsolutePath().normalize();
    Path top = null;
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        top = p;
        break;
      }
    }
    if (top == null) {
      return start; // outside git: where the user is
    }
    Path chosen = top;
    boolean found = false;
    for (Path p = start; p != null && p.startsWith(top); p = p.getParent()) {
      if (holdsMarker(p)) {
        chosen = p;
        found = true;
      }
    }
    return found ? chosen : top;
  }
}
