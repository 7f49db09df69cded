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

  /**
   * A class-data-sharing archive of Maven's own start (JDK 13+'s dynamic CDS), made by one short
   * Maven run: the same JVM, classes and behaviour, loaded faster by the many builds that follow.
   * Returns the {@code MAVEN_OPTS} flags that use it, or empty when it could not be made.
   */
  public static java.util.Optional<String> mavenClassArchive(Environment env, Path repo, Path jsa)
      throws IOException {
    Path log = jsa.resolveSibling("maven-cds.log");
    try {
      CommandResult r =
          env.withEnv(withOpts(env.env(), "-XX:ArchiveClassesAtExit=" + jsa + " -Xlog:cds=off"))
              .runner()
              .run(CommandSpec.of("mvn -B -o -q validate", repo, Duration.ofMinutes(5), log));
      if (r.exitCode() != 0 || !Files.isRegularFile(jsa)) {
        return java.util.Optional.empty();
      }
    } catch (CommandNotFoundException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "-XX:SharedArchiveFile=" + jsa + " -Xlog:cds=off -Xlog:cds+dynamic=off");
  }

  /** The environment with flags added to {@code MAVEN_OPTS}. */
  public static java.util.Map<String, String> withOpts(
      java.util.Map<String, String> env, String flags) {
    java.util.Map<String, String> out = new java.util.HashMap<>(env);
    String was = out.getOrDefault("MAVEN_OPTS", "").strip();
    out.put("MAVEN_OPTS", was.isEmpty() ? flags : was + " " + flags);
    return out;
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
