package dev.selfheal.pipeline;

import dev.selfheal.exec.WarmMaven;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An environment whose {@code mvn} builds run in warm Maven JVMs (see {@link WarmMaven}), for the
 * many builds of an eval; closing it stops the JVMs. Where no warm JVM can stand in for {@code
 * mvn}, the environment is the caller's and {@link #description()} says why.
 */
public final class WarmBuilds implements AutoCloseable {
  private final Environment env;
  private final Optional<WarmMaven> maven;
  private final String description;

  private WarmBuilds(Environment env, Optional<WarmMaven> maven, String description) {
    this.env = env;
    this.maven = maven;
    this.description = description;
  }

  /** {@code dir} holds the JVMs' own logs. */
  public static WarmBuilds start(Environment env, Path dir) throws IOException {
    WarmMaven.Lookup found = WarmMaven.find(env.env(), dir);
    if (found.maven().isEmpty()) {
      return new WarmBuilds(env, Optional.empty(), found.description());
    }
    return new WarmBuilds(
        new Environment(
            env.env(),
            env.clock(),
            env.runner().withWarmMaven(found.maven().get()),
            env.redactor()),
        found.maven(),
        found.description());
  }

  /** The caller's environment, unchanged: every build a process of its own. */
  public static WarmBuilds none(Environment env) {
    return new WarmBuilds(env, Optional.empty(), "a fresh Maven process per build");
  }

  public Environment env() {
    return env;
  }

  public boolean warm() {
    return maven.isPresent();
  }

  public String description() {
    return description;
  }

  /** Builds that ran in a warm JVM, and JVMs started for them. */
  public int warmBuilds() {
    return maven.map(m -> m.stats().warmBuilds()).orElse(0);
  }

  public int jvms() {
    return maven.map(m -> m.stats().jvmsStarted()).orElse(0);
  }

  /** {@code mvn} commands a warm JVM could not run exactly, so they ran as processes. */
  public int declined() {
    return maven.map(m -> m.stats().declined()).orElse(0);
  }

  @Override
  public void close() {
    maven.ifPresent(WarmMaven::close);
  }
}
