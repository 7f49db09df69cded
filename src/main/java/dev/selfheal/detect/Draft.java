package dev.selfheal.detect;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureDetails;
import dev.selfheal.model.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A failure being assembled from several lines; parsers fill it in, then {@link #build()}. */
public final class Draft {
  private static final int MAX_EXCERPT_LINES = 40;

  private final FailureKind kind;
  private String file;
  private Integer line;
  private Integer column;
  private String message;
  private String test;
  private FailureDetails details;
  private final List<String> excerpt = new ArrayList<>();

  public Draft(FailureKind kind, String tool, ParseContext ctx) {
    this.kind = kind;
    this.details = FailureDetails.tool(tool).withStep(ctx.step());
  }

  public Draft at(String file, Integer line, Integer column) {
    this.file = file;
    this.line = line != null && line > 0 ? line : null;
    this.column = column != null && column > 0 ? column : null;
    return this;
  }

  public Draft column(Integer c) {
    this.column = c != null && c > 0 ? c : null;
    return this;
  }

  public Draft details(UnaryOperator<FailureDetails> change) {
    this.details = change.apply(details);
    return this;
  }

  public String file() {
    return file;
  }

  public Integer line() {
    return line;
  }

  public String message() {
    return message;
  }

  public String test() {
    return test;
  }

  public FailureDetails details() {
    return details;
  }

  public Draft message(String m) {
    this.message = m;
    return this;
  }

  public Draft test(String t) {
    this.test = t;
    return this;
  }

  public Draft excerpt(String l) {
    if (excerpt.size() < MAX_EXCERPT_LINES) {
      excerpt.add(l);
    }
    return this;
  }

  public Failure build() {
    return Failure.of(
        kind,
        file,
        line,
        column,
        message == null ? "" : message,
        test,
        excerpt.isEmpty() ? null : String.join("\n", excerpt),
        details);
  }
}
