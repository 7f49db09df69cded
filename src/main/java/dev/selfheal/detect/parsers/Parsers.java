package dev.selfheal.detect.parsers;

import dev.selfheal.detect.LogParser;
import java.util.List;

/** Every log parser, fresh for one log. */
public final class Parsers {
  private Parsers() {}

  public static List<LogParser> all() {
    return List.of(
        new JavacParser(),
        new SurefireConsoleParser(),
        new MavenParser(),
        new SpotlessParser(),
        new CheckstyleParser(),
        new PmdParser(),
        new SpotBugsParser(),
        new GradleParser(),
        new PytestParser(),
        new PythonTracebackParser(),
        new TscParser(),
        new EslintParser(),
        new JestParser(),
        new NodeTestParser(),
        new GenericParser());
  }
}
