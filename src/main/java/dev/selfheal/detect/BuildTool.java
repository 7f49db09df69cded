package dev.selfheal.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The build a repository implies, and the command that runs the checks its CI runs: the phase that
 * includes tests and any lint bound to it ({@code verify}, {@code check}, {@code test}).
 */
public enum BuildTool {
  MAVEN_WRAPPER("./mvnw -B verify"),
  MAVEN("mvn -B verify"),
  GRADLE_WRAPPER("./gradlew check"),
  GRADLE("gradle check"),
  NPM("npm test"),
  PYTEST("pytest");

  private final String checkCommand;

  BuildTool(String checkCommand) {
    this.checkCommand = checkCommand;
  }

  public String checkCommand() {
    return checkCommand;
  }

  public boolean isMaven() {
    return this == MAVEN || this == MAVEN_WRAPPER;
  }

  public static Optional<BuildTool> infer(Path repo) {
    if (Files.isRegularFile(repo.resolve("pom.xml"))) {
      return Optional.of(Files.isExecutable(repo.resolve("mvnw")) ? MAVEN_WRAPPER : MAVEN);
    }
    if (Files.isRegularFile(repo.resolve("build.gradle"))
        || Files.isRegularFile(repo.resolve("build.gradle.kts"))
        || Files.isRegularFile(repo.resolve("settings.gradle"))
        || Files.isRegularFile(repo.resolve("settings.gradle.kts"))) {
      return Optional.of(Files.isExecutable(repo.resolve("gradlew")) ? GRADLE_WRAPPER : GRADLE);
    }
    if (Files.isRegularFile(repo.resolve("package.json"))) {
      return Optional.of(NPM);
    }
    for (String f :
        new String[] {
          "pyproject.toml", "pytest.ini", "setup.py", "setup.cfg", "tox.ini", "conftest.py"
        }) {
      if (Files.isRegularFile(repo.resolve(f))) {
        return Optional.of(PYTEST);
      }
    }
    return Optional.empty();
  }

  /** The build a command string runs, if it names one selfheal knows. */
  public static Optional<BuildTool> ofCommand(String command) {
    String c = command.strip();
    if (c.startsWith("./mvnw")) {
      return Optional.of(MAVEN_WRAPPER);
    }
    if (c.startsWith("mvn ") || c.equals("mvn")) {
      return Optional.of(MAVEN);
    }
    if (c.startsWith("./gradlew")) {
      return Optional.of(GRADLE_WRAPPER);
    }
    if (c.startsWith("gradle ")) {
      return Optional.of(GRADLE);
    }
    if (c.startsWith("npm ")) {
      return Optional.of(NPM);
    }
    if (c.startsWith("pytest")
        || c.startsWith("python -m pytest")
        || c.startsWith("python3 -m pytest")) {
      return Optional.of(PYTEST);
    }
    return Optional.empty();
  }
}
