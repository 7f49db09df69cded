package dev.selfheal.record;

import dev.selfheal.redact.Redactor;
import java.nio.file.Path;
import java.util.Map;

/** A separate process writing to the history, for the concurrency test: DB_URL, PREFIX, COUNT. */
public final class HistoryWriterMain {
  private HistoryWriterMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = Map.of("SELFHEAL_DB_URL", args[0]);
    History h = History.open(env, Path.of(args[0]).getParent(), new Redactor(Map.of()));
    for (int i = 0; i < Integer.parseInt(args[2]); i++) {
      h.record(Attempts.sample(args[1] + "-" + i, "proc/repo", java.time.Instant.now()));
    }
  }
}
