package dev.selfheal.testing;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.redact.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** An environment whose state directory is a temp folder and which reaches no model. */
public final class TestEnv {
  private TestEnv() {}

  public static Environment with(Path state) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("XDG_STATE_HOME", state.toString());
    // Recipes only, whatever the machine running the tests has set up: no model is ever asked.
    env.keySet()
        .removeIf(
            k ->
                k.equals("ANTHROPIC_API_KEY")
                    || k.equals("ANTHROPIC_BASE_URL")
                    || k.equals("OPENAI_API_KEY")
                    || k.equals("OPENAI_BASE_URL")
                    || k.startsWith("SELFHEAL_LLM_"));
    return new Environment(
        env, Clock.systemUTC(), new CommandRunner(env, Clock.systemUTC()), new Redactor(env));
  }
}
