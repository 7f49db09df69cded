package dev.selfheal.pipeline;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** One short line per stage on stderr, with the time it took. */
public final class Progress {
  private final PrintStream err;
  private final Map<String, Long> started = new HashMap<>();
  private final Map<String, Long> elapsed = new HashMap<>();

  public Progress(PrintStream err) {
    this.err = err;
  }

  public static Progress silent() {
    return new Progress(new PrintStream(PrintStream.nullOutputStream()));
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
