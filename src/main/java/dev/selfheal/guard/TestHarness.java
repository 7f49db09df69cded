package dev.selfheal.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files that decide whether tests pass without being tests themselves: the scripts the check
 * command runs ({@code ./run_tests.sh}, {@code bash ci/test.sh}, a Makefile), and the test runners'
 * own configuration ({@code conftest.py}, {@code pytest.ini}, {@code jest.config.js}, ...). The
 * weakening guard treats them as test code: a lenient runner is as good as a deleted assertion.
 */
public final class TestHarness {
  private static final Pattern SCRIPT = Pattern.compile(".*\\.(sh|bash|py|js|mjs|cjs|ts|pl|rb)$");
  private static final List<String> CONFIGS =
      List.of(
          "pytest.ini",
          "tox.ini",
          "setup.cfg",
          "noxfile.py",
          "jest.config.js",
          "jest.config.ts",
          "jest.config.cjs",
          "jest.config.mjs",
          "jest.config.json",
          "vitest.config.js",
          "vitest.config.ts",
          "vitest.config.mjs",
          "karma.conf.js",
          ".mocharc.js",
          ".mocharc.json",
          ".mocharc.yml",
          "phpunit.xml",
          "phpunit.xml.dist");

  private TestHarness() {}

  /** Repository-relative paths of the harness files that exist in {@code repo}. */
  public static Set<String> of(Path repo, String command) {
    Set<String> out = new LinkedHashSet<>();
    if (command != null) {
      for (String word : command.split("[\\s;&|()<>]+")) {
        String w = word.replaceAll("^['\"]|['\"]$", "");
        if (w.equals("make") || w.equals("gmake")) {
          for (String m : List.of("Makefile", "makefile", "GNUmakefile")) {
            addIfFile(repo, m, out);
          }
        }
        if (w.startsWith("./")) {
          w = w.substring(2);
        }
        if (!w.isEmpty()
            && !w.startsWith("-")
            && (w.contains("/") || SCRIPT.matcher(w).matches())) {
          addIfFile(repo, w, out);
        }
      }
    }
    for (String c : CONFIGS) {
      addIfFile(repo, c, out);
    }
    try (Stream<Path> walk = Files.walk(repo, 4)) {
      walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("conftest.py"))
          .filter(p -> !p.toString().contains("/node_modules/") && !p.toString().contains("/."))
          .forEach(p -> out.add(repo.relativize(p).toString().replace('\\', '/')));
    } catch (IOException | RuntimeException e) {
      // what was found so far
    }
    return out;
  }

  private static void addIfFile(Path repo, String rel, Set<String> out) {
    if (rel.contains("..") || rel.startsWith("/")) {
      return;
    }
    try {
      Path p = repo.resolve(rel);
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && p.normalize().startsWith(repo)) {
        out.add(repo.relativize(p.normalize()).toString().replace('\\', '/'));
      }
    } catch (java.nio.file.InvalidPathException ignored) {
      // not a path
    }
  }
}
