package dev.selfheal.detect;

/** What a parser may know besides the line: where paths resolve, and the CI step it is in. */
public final class ParseContext {
  private final PathResolver paths;
  private String step;

  public ParseContext(PathResolver paths) {
    this.paths = paths;
  }

  public PathResolver paths() {
    return paths;
  }

  public String step() {
    return step;
  }

  void step(String s) {
    step = s;
  }
}
