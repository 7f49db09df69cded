package dev.selfheal.detect;

import dev.selfheal.detect.parsers.Parsers;
import dev.selfheal.model.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a log: each line cleaned of CI decoration, then offered to every parser. The log is
 * streamed; memory is bounded by the parsers' findings, not by the log's size.
 */
public final class LogScan {
  private LogScan() {}

  public record Result(
      List<Failure> failures, long lines, boolean testsRanZero, List<TestOutcome> outcomes) {}

  public static Result scan(InputStream in, PathResolver paths) throws IOException {
    ParseContext ctx = new ParseContext(paths);
    List<LogParser> parsers = Parsers.all();
    CiLogNormalizer ci = new CiLogNormalizer();
    boolean zero = false;
    boolean someTests = false;
    try (LineSource src = new LineSource(in)) {
      String raw;
      while ((raw = src.next()) != null) {
        String line = ci.clean(raw);
        if (line == null) {
          continue;
        }
        ctx.step(ci.step());
        if (line.indexOf("Tests run: ") >= 0) {
          boolean isZero = line.contains("Tests run: 0,");
          zero |= isZero;
          someTests |= !isZero;
        }
        for (LogParser p : parsers) {
          p.accept(line, ctx);
        }
      }
      List<Failure> found = new ArrayList<>();
      List<Failure> fallbacks = new ArrayList<>();
      List<TestOutcome> outcomes = new ArrayList<>();
      for (LogParser p : parsers) {
        found.addAll(p.finish(ctx));
        fallbacks.addAll(p.fallbacks(ctx));
        outcomes.addAll(p.outcomes());
      }
      return new Result(
          found.isEmpty() ? fallbacks : found, src.lineNumber(), zero && !someTests, outcomes);
    }
  }
}
