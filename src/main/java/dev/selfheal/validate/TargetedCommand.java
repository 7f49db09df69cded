package dev.selfheal.validate;

import dev.selfheal.detect.BuildTool;
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
 * The command that re-runs only the given tests: Maven's {@code -Dtest} on the modules that hold
 * them, Gradle's {@code --tests}, pytest node ids, or the configured {@code targeted_command}
 * template. Empty when the build is not one selfheal knows how to narrow.
 */
public final class TargetedCommand {
  private TargetedCommand() {}

  /** A failing test: its id and the repo-relative file it is in (may be null). */
  public record Target(String id, String file) {}

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
    Optional<BuildTool> tool = BuildTool.ofCommand(fullCommand);
    if (tool.isEmpty()) {
      return Optional.empty();
    }
    return switch (tool.get()) {
      case MAVEN, MAVEN_WRAPPER ->
          Optional.of(maven(tool.get() == BuildTool.MAVEN ? "mvn" : "./mvnw", repo, targets));
      case GRADLE, GRADLE_WRAPPER ->
          Optional.of(
              (tool.get() == BuildTool.GRADLE ? "gradle" : "./gradlew")
                  + " test"
                  + String.join(
                      "",
                      ids.stream().map(i -> " --tests " + quote(i.replace('#', '.'))).toList()));
      case PYTEST ->
          Optional.of(
              "pytest -p no:cacheprovider --junitxml=.selfheal-junit.xml "
                  + String.join(" ", ids.stream().map(TargetedCommand::quote).toList()));
      case NPM -> Optional.empty();
    };
  }

  private static String maven(String mvn, Path repo, List<Target> targets) {
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
    StringBuilder cmd = new StringBuilder(mvn).append(" -B");
    if (!modules.isEmpty() && !modules.contains(".")) {
      cmd.append(" -pl ").append(quote(String.join(",", modules))).append(" -am");
    }
    cmd.append(" test -Dtest=")
        .append(quote(String.join(",", specs)))
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false");
    return cmd.toString();
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
