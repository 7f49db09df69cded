package dev.selfheal.cli;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with a temp state directory, capturing stdout and stderr. */
public record CliRun(int exit, String out, String err) {
  public static CliRun run(Path stateHome, String... args) {
    return run(Map.of(), stateHome, args);
  }

  /** With variables added to (or, mapped to null, removed from) the environment. */
  public static synchronized CliRun run(
      Map<String, String> extraEnv, Path stateHome, String... args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.equals("SELFHEAL_GITHUB_TOKEN"));
    extraEnv.forEach(
        (k, v) -> {
          if (v == null) {
            env.remove(k);
          } else {
            env.put(k, v);
          }
        });
    env.put("XDG_STATE_HOME", stateHome.toString());
    Environment e =
        new Environment(
            env, Clock.systemUTC(), new CommandRunner(env, Clock.systemUTC()), new Redactor(env));
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(e, args);
      return new CliRun(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
