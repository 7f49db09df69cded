package dev.selfheal.fix.logic;

/**
 * One change a template proposes: the text from {@code start} to {@code end} (offsets in the file)
 * becomes {@code replacement}; {@code what} says it for a reviewer, e.g. {@code `<` → `<=`}.
 */
public record Mutation(int start, int end, String replacement, String what) {
  public Mutation {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    java.util.Objects.requireNonNull(replacement, "replacement");
    java.util.Objects.requireNonNull(what, "what");
  }

  /** The file's text with the change made. */
  public String applyTo(String text) {
    return text.substring(0, start) + replacement + text.substring(end);
  }
}
