package dev.selfheal.pipeline;

import dev.selfheal.config.StateDir;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.redact.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What a pipeline run depends on from outside: the environment, the clock, the process runner. */
public record Environment(
    Map<String, String> env, Clock clock, CommandRunner runner, Redactor redactor) {
  public static Environment system() {
    Map<String, String> env = System.getenv();
    return new Environment(
        env, Clock.systemUTC(), new CommandRunner(env, Clock.systemUTC()), new Redactor(env));
  }

  /**
   * The same clock and redactor (which knows the caller's secrets), with another environment for
   * the processes it starts.
   */
  public Environment withEnv(Map<String, String> vars) {
    return new Environment(vars, clock, new CommandRunner(vars, clock), redactor);
  }

  public Path stateDir() {
    return StateDir.resolve(env);
  }
}
