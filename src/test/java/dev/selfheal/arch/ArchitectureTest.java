package dev.selfheal.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's package table, enforced: each package uses only the packages it may, and only one
 * package does each dangerous thing (starts processes, talks HTTP, touches the database).
 */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/dev/selfheal");
  private static final Set<String> SHARED = Set.of("model", "config");

  /** Beside DESIGN.md's table, `config` is a leaf every stage may read, like `model`. */
  private static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("model", Set.of()),
          Map.entry("config", Set.of()),
          Map.entry("exec", Set.of()),
          Map.entry("redact", Set.of()),
          Map.entry("vcs", Set.of("exec")),
          Map.entry("detect", Set.of("exec")),
          Map.entry("diagnose", Set.of("llm", "vcs")),
          Map.entry("localize", Set.of("exec", "vcs")),
          Map.entry("fix", Set.of("llm", "vcs", "exec", "localize")),
          // The warm test worker runs in the project's JVM: the JDK and JUnit, nothing of ours.
          Map.entry("worker", Set.of()),
          Map.entry("breakage", Set.of("vcs")),
          Map.entry("guard", Set.of()),
          Map.entry("validate", Set.of("exec", "vcs", "detect")),
          Map.entry("deliver", Set.of("vcs", "github", "redact")),
          Map.entry("github", Set.of()),
          Map.entry("record", Set.of("redact")),
          Map.entry("llm", Set.of("redact")),
          Map.entry("eval", Set.of("pipeline", "breakage", "llm")),
          Map.entry(
              "pipeline",
              Set.of(
                  "exec",
                  "vcs",
                  "detect",
                  "diagnose",
                  "localize",
                  "fix",
                  "breakage",
                  "guard",
                  "validate",
                  "deliver",
                  "github",
                  "record",
                  "llm",
                  "redact")),
          Map.entry("cli", Set.of("pipeline", "eval", "record", "deliver", "github")));

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?dev\\.selfheal\\.(\\w+)", Pattern.MULTILINE);

  @Test
  void packagesUseOnlyWhatTheyMay() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = SRC.relativize(file).getName(0).toString();
      assertThat(MAY_USE).as("package %s is in DESIGN.md's table", pkg).containsKey(pkg);
      Matcher m = IMPORT.matcher(Files.readString(file));
      while (m.find()) {
        String used = m.group(1);
        if (!used.equals(pkg) && !SHARED.contains(used) && !MAY_USE.get(pkg).contains(used)) {
          violations.add(SRC.relativize(file) + " uses " + used);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theWorkerUsesNothingOfOursNotEvenTheModel() throws IOException {
    try (var files = Files.list(SRC.resolve("worker"))) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f))
            .as(f + " runs in the project's JVM, beside only the JDK and JUnit")
            .doesNotContainPattern("import dev\\.selfheal\\.(?!worker\\.)");
      }
    }
  }

  @Test
  void onlyExecStartsProcesses() throws IOException {
    assertThat(users("ProcessBuilder|Runtime\\.getRuntime\\(\\)\\.exec"))
        .allMatch(p -> p.startsWith("exec/"));
  }

  @Test
  void onlyLlmAndGithubTalkHttp() throws IOException {
    assertThat(users("java\\.net\\.http|HttpURLConnection|openConnection\\("))
        .allMatch(p -> p.startsWith("llm/") || p.startsWith("github/"));
  }

  @Test
  void onlyRecordTouchesTheDatabase() throws IOException {
    assertThat(users("java\\.sql\\.|javax\\.sql\\.|org\\.flywaydb|org\\.sqlite|org\\.postgresql"))
        .allMatch(p -> p.startsWith("record/"));
  }

  @Test
  void theRulesSeeSomething() throws IOException {
    assertThat(users("ProcessBuilder")).isNotEmpty();
    assertThat(sources()).hasSizeGreaterThan(20);
  }

  private static List<String> users(String regex) throws IOException {
    Pattern p = Pattern.compile(regex);
    List<String> out = new ArrayList<>();
    for (Path f : sources()) {
      if (p.matcher(Files.readString(f)).find()) {
        out.add(SRC.relativize(f).toString().replace('\\', '/'));
      }
    }
    return out;
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(SRC)) {
      return s.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }
}
