package dev.selfheal.validate;

import dev.selfheal.exec.ShellWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command that re-runs only the given tests, narrowed from the user's own command: the same
 * executable, options, profiles, properties and {@code -pl}; only the goals or tasks and the test
 * selection change (Maven's {@code test -Dtest=...} on the modules that hold them, Gradle's {@code
 * test --tests}, pytest node ids) — or the configured {@code targeted_command} template. Empty when
 * the command cannot be narrowed (shell syntax, a build selfheal does not know, npm): the caller
 * runs the full command then.
 */
public final class TargetedCommand {
  private TargetedCommand() {}

  /** A failing test: its id and the repo-relative file it is in (may be null). */
  public record Target(String id, String file) {}

  /** Maven options whose value is the next word. */
  private static final Set<String> MAVEN_ARG =
      Set.of(
          "-P",
          "--activate-profiles",
          "-pl",
          "--projects",
          "-f",
          "--file",
          "-s",
          "--settings",
          "-gs",
          "--global-settings",
          "-t",
          "--toolchains",
          "-T",
          "--threads",
          "-rf",
          "--resume-from",
          "-l",
          "--log-file",
          "-b",
          "--builder",
          "-D",
          "--define");

  /** The user's own test selection, replaced by the targets. */
  private static final List<String> MAVEN_SELECTION =
      List.of("-Dtest=", "-Dit.test=", "-Dsurefire.failIfNoSpecifiedTests=", "-DfailIfNoTests=");

  private static final Set<String> GRADLE_ARG =
      Set.of(
          "-x",
          "--exclude-task",
          "-p",
          "--project-dir",
          "-c",
          "--settings-file",
          "-I",
          "--init-script",
          "-D",
          "-P",
          "-g",
          "--gradle-user-home",
          "--tests");

  private static final Set<String> PYTEST_ARG =
      Set.of("-p", "-c", "-o", "-W", "--rootdir", "--confcutdir", "--basetemp", "-k", "-m");

  public static Optional<String> build(
      String fullCommand, String template, Path repo, List<Target> targets) {
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = targets.stream().map(Target::id).distinct().toList();
    if (template != null) {
      return Optional.of(
          template.replace(
              "{tests}", String.join(" ", ids.stream().map(TargetedCommand::quote).toList())));
    }
    Optional<List<String>> split = ShellWords.split(fullCommand.strip());
    if (split.isEmpty()) {
      return Optional.empty(); // shell syntax: only the full command runs it faithfully
    }
    List<String> words = split.get();
    String exe = words.get(0);
    String name = exe.substring(exe.lastIndexOf('/') + 1);
    if (name.equals("mvn") || name.equals("mvnw") || name.equals("mvnd")) {
      return Optional.of(maven(words, repo, targets));
    }
    if (name.equals("gradle") || name.equals("gradlew")) {
      return Optional.of(gradle(words, ids));
    }
    int pytest = pytestStart(words);
    if (pytest > 0) {
      return Optional.of(pytest(words, pytest, ids));
    }
    return Optional.empty();
  }

  private static String maven(List<String> words, Path repo, List<Target> targets) {
    List<String> out = new ArrayList<>(List.of(words.get(0)));
    boolean userModules = false;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (MAVEN_ARG.contains(w) && i + 1 < words.size()) {
        userModules |= w.equals("-pl") || w.equals("--projects");
        if (!(w.equals("-D") && selection("-D" + words.get(i + 1)))) {
          out.add(w);
          out.add(words.get(i + 1));
        }
        i++;
      } else if (w.startsWith("-")) {
        userModules |= w.startsWith("--projects=");
        if (!selection(w)) {
          out.add(w);
        }
      }
      // anything else is a goal or a phase: the targeted run's is `test`
    }
    Map<String, Set<String>> byClass = new LinkedHashMap<>();
    Set<String> modules = new LinkedHashSet<>();
    for (Target t : targets) {
      String id = t.id();
      int hash = id.indexOf('#');
      String cls = hash < 0 ? id : id.substring(0, hash);
      String method = hash < 0 ? null : id.substring(hash + 1).replaceAll("[(\\[].*$", "");
      Set<String> methods = byClass.computeIfAbsent(cls, k -> new LinkedHashSet<>());
      if (method != null) {
        methods.add(method);
      }
      moduleOf(repo, t.file()).ifPresent(modules::add);
    }
    List<String> specs = new ArrayList<>();
    byClass.forEach(
        (cls, methods) ->
            specs.add(methods.isEmpty() ? cls : cls + "#" + String.join("+", methods)));
    if (!out.contains("-B") && !out.contains("--batch-mode")) {
      out.add(1, "-B");
    }
    if (!userModules && !modules.isEmpty() && !modules.contains(".")) {
      out.add("-pl");
      out.add(String.join(",", modules));
      out.add("-am");
    }
    out.add("test");
    out.add("-Dtest=" + String.join(",", specs));
    out.add("-Dsurefire.failIfNoSpecifiedTests=false");
    out.add("-DfailIfNoTests=false");
    return join(out);
  }

  private static boolean selection(String option) {
    return MAVEN_SELECTION.stream().anyMatch(option::startsWith);
  }

  private static String gradle(List<String> words, List<String> ids) {
    List<String> out = new ArrayList<>(List.of(words.get(0)));
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (GRADLE_ARG.contains(w) && i + 1 < words.size()) {
        if (!w.equals("--tests")) {
          out.add(w);
          out.add(words.get(i + 1));
        }
        i++;
      } else if (w.startsWith("-")) {
        if (!w.startsWith("--tests=")) {
          out.add(w);
        }
      }
      // anything else is a task: the targeted run's is `test`
    }
    out.add("test");
    for (String id : ids) {
      out.add("--tests");
      out.add(id.replace('#', '.'));
    }
    return join(out);
  }

  /** Where pytest's own arguments start: after {@code pytest} or {@code python -m pytest}. */
  private static int pytestStart(List<String> words) {
    String exe = words.get(0);
    String name = exe.substring(exe.lastIndexOf('/') + 1);
    if (name.equals("pytest") || name.equals("py.test")) {
      return 1;
    }
    if (name.matches("python[0-9.]*")
        && words.size() > 2
        && words.get(1).equals("-m")
        && words.get(2).equals("pytest")) {
      return 3;
    }
    return -1;
  }

  private static String pytest(List<String> words, int from, List<String> ids) {
    List<String> out = new ArrayList<>(words.subList(0, from));
    for (int i = from; i < words.size(); i++) {
      String w = words.get(i);
      if (PYTEST_ARG.contains(w) && i + 1 < words.size()) {
        if (!w.equals("-k") && !w.equals("-m")) {
          out.add(w); // a keyword or marker filter would hide the targets: dropped
          out.add(words.get(i + 1));
        }
        i++;
      } else if (w.startsWith("-")) {
        if (!w.startsWith("--junitxml") && !w.startsWith("-k") && !w.startsWith("-m")) {
          out.add(w);
        }
      }
      // anything else is a path: the targets are the node ids
    }
    if (!out.contains("no:cacheprovider")) {
      out.add("-p");
      out.add("no:cacheprovider");
    }
    out.add("--junitxml=.selfheal-junit.xml");
    out.addAll(ids);
    return join(out);
  }

  private static String join(List<String> words) {
    return String.join(" ", words.stream().map(TargetedCommand::quote).toList());
  }

  /** The folder of the nearest pom.xml above a file, relative to the repo ("." for the root). */
  static Optional<String> moduleOf(Path repo, String file) {
    if (file == null) {
      return Optional.empty();
    }
    Path p = repo.resolve(file).getParent();
    while (p != null && p.startsWith(repo)) {
      if (Files.isRegularFile(p.resolve("pom.xml"))) {
        String rel = repo.relativize(p).toString().replace('\\', '/');
        return Optional.of(rel.isEmpty() ? "." : rel);
      }
      p = p.getParent();
    }
    return Optional.empty();
  }

  static String quote(String s) {
    return s.matches("[\\w./#:+,=@-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
