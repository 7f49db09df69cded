package dev.selfheal.testing;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.redact.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** An environment whose state directory is a temp folder. */
public final class TestEnv {
  private TestEnv() {}

  public static Environment with(Path state) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("XDG_STATE_HOME", state.toString());
    return new Environment(
        env, Clock.systemUTC(), new CommandRunner(env, Clock.systemUTC()), new Redactor(env));
  }
}
