package dev.selfheal.localize;

import java.util.regex.Pattern;

/** JUnit test ids as the build reports them ({@code pkg.Class#method}, maybe with parameters). */
final class TestIds {
  private static final Pattern JAVA = Pattern.compile("[\\w$.]+(#[^#]+)?");

  private TestIds() {}

  static boolean isJava(String id) {
    return JAVA.matcher(id).matches() && !id.contains("::") && !id.contains("/");
  }

  /** The id without parameters or invocation index: {@code Class#method}. */
  static String normal(String id) {
    int hash = id.indexOf('#');
    if (hash < 0) {
      return id;
    }
    String method = id.substring(hash + 1).replaceAll("[(\\[].*$", "");
    return id.substring(0, hash) + "#" + method;
  }

  static String className(String id) {
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }
}
