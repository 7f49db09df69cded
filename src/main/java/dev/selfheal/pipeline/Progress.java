package dev.selfheal.pipeline;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** One short line per stage on stderr, with the time it took. */
public final class Progress {
  private final PrintStream err;
  private final boolean quiet;
  private Map<String, String> env = System.getenv();
  private final Map<String, Long> started = new HashMap<>();
  private final Map<String, Long> elapsed = new HashMap<>();

  public Progress(PrintStream err) {
    this(err, false);
  }

  private Progress(PrintStream err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  public static Progress silent() {
    return new Progress(new PrintStream(PrintStream.nullOutputStream()), true);
  }

  /** The environment the heartbeat reads its settings from ({@code SELFHEAL_HEARTBEAT_SECONDS}). */
  public Progress withEnv(Map<String, String> env) {
    this.env = env;
    return this;
  }

  /** A heartbeat while a command writes {@code log}: close it when the command ends. */
  public dev.selfheal.validate.Validator.Watch beat(String stage, java.nio.file.Path log) {
    if (quiet) {
      return () -> {};
    }
    Heartbeat h = Heartbeat.start(err, stage, log, env);
    return h::close;
  }

  public void start(String stage, String what) {
    started.put(stage, System.nanoTime());
    err.printf("%-9s %s%n", stage, what);
  }

  public void done(String stage, String what) {
    long ms = (System.nanoTime() - started.getOrDefault(stage, System.nanoTime())) / 1_000_000;
    elapsed.put(stage, ms);
    err.printf("%-9s %s (%.1fs)%n", stage, what, ms / 1000.0);
  }

  public void note(String stage, String what) {
    err.printf("%-9s %s%n", stage, what);
  }

  public long millis(String stage) {
    return elapsed.getOrDefault(stage, 0L);
  }
}
