package dev.selfheal.pipeline;

import dev.selfheal.exec.CommandNotFoundException;
import dev.selfheal.exec.CommandResult;
import dev.selfheal.exec.CommandSpec;
import dev.selfheal.fix.DependencyIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Resolves a project's build dependencies once, before many builds of its copies run at the same
 * time offline: Maven 3.8 does not lock its local repository between concurrent builds.
 */
public final class Warmup {
  private Warmup() {}

  /** Whether the check command (given, or what the repository implies) passes there. */
  public static boolean passes(Environment env, Path repo, String command, Path log)
      throws IOException, UsageException {
    String cmd =
        command != null
            ? command
            : CheckCommand.choose(null, DetectService.loadConfig(repo, null), repo);
    Files.createDirectories(log.getParent());
    try {
      CommandResult r = env.runner().run(CommandSpec.of(cmd, repo, Duration.ofMinutes(20), log));
      return r.exitCode() == 0 && !r.timedOut();
    } catch (CommandNotFoundException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Runs the check command online, then (Maven) the classpath resolution the recipes use. */
  public static CommandResult resolve(Environment env, Path repo, String command, Path logs)
      throws IOException, UsageException {
    Files.createDirectories(logs);
    CommandResult r;
    try {
      r =
          env.runner()
              .run(
                  CommandSpec.of(
                      command, repo, Duration.ofMinutes(20), logs.resolve("warmup.log")));
    } catch (CommandNotFoundException e) {
      throw new UsageException(e.getMessage());
    }
    if (Files.exists(repo.resolve("pom.xml"))) {
      DependencyIndex.maven(env.runner(), repo, logs.resolve("index"), logs).classpaths();
    }
    return r;
  }
}
