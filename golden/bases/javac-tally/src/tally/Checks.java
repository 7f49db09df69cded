package tally;

import java.util.List;

/** The checks, without a test framework: exits non-zero on the first that fails. */
public final class Checks {
  private Checks() {}

  public static void main(String[] args) {
    check(Tally.count(List.of("a", "B", "b")).toString().equals("{a=1, b=2}"), "counts case-insensitively");
    System.out.println("all checks passed");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("check failed: " + what);
      System.exit(1);
    }
  }
}
