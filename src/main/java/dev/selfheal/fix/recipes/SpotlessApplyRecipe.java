package dev.selfheal.fix.recipes;

import dev.selfheal.exec.CommandNotFoundException;
import dev.selfheal.exec.CommandResult;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.exec.CommandSpec;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.FixRecipe;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Fix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file Spotless says is not formatted: runs the build's own formatter ({@code spotless:apply}, or
 * Gradle's {@code spotlessApply}) on that one file in the workspace and proposes its output, so the
 * fix is exactly what the project's formatter wants. The file is put back as it was; the formatted
 * text becomes the edit, validated like any other.
 */
public final class SpotlessApplyRecipe implements FixRecipe {
  static final String ID = "lint/spotless-apply";
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Formats a file with the build's own Spotless configuration.";
  }

  @Override
  public boolean appliesTo(Failure f) {
    return f.kind() == FailureKind.LINT_VIOLATION
        && f.file() != null
        && "spotless".equals(f.details().tool());
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    Optional<CommandRunner> runner = ctx.runner();
    Optional<String> command = command(ctx.repo(), ctx.repo().resolve(f.file()).toAbsolutePath());
    if (runner.isEmpty()
        || command.isEmpty()
        || !ctx.pending().isEmpty() && ctx.pending().containsKey(f.file())) {
      return Optional.empty();
    }
    Path file = ctx.repo().resolve(f.file());
    byte[] raw = Files.readAllBytes(file);
    String before = ctx.read(f.file());
    String after;
    try {
      CommandResult r =
          runner
              .get()
              .run(
                  CommandSpec.of(
                      command.get(),
                      ctx.repo(),
                      TIMEOUT,
                      ctx.logs()
                          .resolve(
                              "spotless-apply-" + Math.abs(f.fingerprint().hashCode()) + ".log")));
      if (!r.passed()) {
        return Optional.empty();
      }
      after = ctx.read(f.file());
    } catch (CommandNotFoundException e) {
      return Optional.empty();
    } finally {
      Files.write(file, raw); // the workspace keeps its baseline; the edit carries the change
    }
    if (after.equals(before)) {
      return Optional.empty();
    }
    String simple = f.file().substring(f.file().lastIndexOf('/') + 1);
    Diagnosis d =
        new Diagnosis(
            simple + " is not formatted as the build's Spotless configuration requires",
            Category.LINT_ERROR,
            List.of(f.file()),
            0.9,
            "spotless:check listed "
                + f.file()
                + " among the files with format violations; the proposed text is"
                + " the project's own formatter's output for that file ("
                + command.get().replace(file.toAbsolutePath().toString(), f.file())
                + ").",
            DiagnosisSource.RULES);
    return Optional.of(
        new Fix(List.of(f.fingerprint()), d, ID, List.of(new Edit(f.file(), before, after))));
  }

  /**
   * The build's formatter, limited to one file; empty for a build without a known way to run it.
   */
  static Optional<String> command(Path repo, Path file) {
    String path = file.toString();
    if (Files.isRegularFile(repo.resolve("pom.xml"))) {
      String mvn = Files.isExecutable(repo.resolve("mvnw")) ? "./mvnw" : "mvn";
      return Optional.of(
          mvn
              + " -B -q spotless:apply -DspotlessFiles='"
              + Pattern.quote(path).replace("'", "'\\''")
              + "'");
    }
    if (Files.isRegularFile(repo.resolve("build.gradle"))
        || Files.isRegularFile(repo.resolve("build.gradle.kts"))) {
      String gradle = Files.isExecutable(repo.resolve("gradlew")) ? "./gradlew" : "gradle";
      return Optional.of(
          gradle + " -q spotlessApply -PspotlessIdeHook='" + path.replace("'", "'\\''") + "'");
    }
    return Optional.empty();
  }
}
