package dev.selfheal.localize;

/**
 * Spectrum-based suspiciousness of one line from how many failing and passing tests ran it. Ochiai
 * ranks; DStar (*=2) and Tarantula break its ties: on single-fault programs Ochiai is the best of
 * the three or level with DStar, and Tarantula orders lines both leave tied by pass/fail ratio.
 *
 * @param ef failing tests that ran the line
 * @param ep passing tests that ran it
 * @param totalFailed failing tests in all
 * @param totalPassed passing tests in all
 */
public record Spectrum(int ef, int ep, int totalFailed, int totalPassed) {
  public Spectrum {
    if (ef < 0 || ep < 0 || ef > totalFailed || ep > totalPassed) {
      throw new IllegalArgumentException(
          "counts out of range: ef=" + ef + " ep=" + ep + " of " + totalFailed + "/" + totalPassed);
    }
  }

  public double ochiai() {
    double d = Math.sqrt((double) totalFailed * (ef + ep));
    return d == 0 ? 0 : ef / d;
  }

  public double dstar() {
    double nf = totalFailed - ef;
    double d = ep + nf;
    return d == 0 ? (ef == 0 ? 0 : Double.MAX_VALUE) : (double) ef * ef / d;
  }

  public double tarantula() {
    if (ef == 0) {
      return 0;
    }
    double f = (double) ef / totalFailed;
    double p = totalPassed == 0 ? 0 : (double) ep / totalPassed;
    return f / (f + p);
  }
}
