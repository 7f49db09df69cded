package dev.selfheal.localize;

/**
 * One suspicious line, as ranked: its place, the method it is in, its spectrum, and the priors a CI
 * bot has that a benchmark does not (the breaking change wrote it; a failure's stack passes it).
 *
 * @param rank 1 for the most suspicious
 * @param coveredByPassing passing tests that run the line
 */
public record Suspect(
    String file,
    int line,
    String method,
    int rank,
    Spectrum spectrum,
    boolean changed,
    boolean inStack,
    int coveredByPassing) {
  public Suspect {
    if (file == null || file.isBlank() || line < 1 || rank < 1) {
      throw new IllegalArgumentException("a suspect has a file, a line and a rank");
    }
  }

  public double ochiai() {
    return spectrum.ochiai();
  }

  /** Where the line is, for a person: {@code path:line (Type.method)}. */
  public String where() {
    return file + ":" + line + (method == null ? "" : " (" + method + ")");
  }
}
