package dev.selfheal.record;

/** The page's own Content-Security-Policy, for tests in other packages. */
public final class HtmlReportAccess {
  public static final String CSP = HtmlReport.CSP;

  private HtmlReportAccess() {}
}
