package dev.selfheal.worker;

/**
 * Runs one test (a method, or a whole class) with the project's own JUnit: the JUnit Platform when
 * it is on the class path (JUnit 5, 6, and 4 through its vintage engine), else JUnit 4's runner.
 */
abstract class Runner {
  /** How a test ended: PASS (ran, all passed), FAIL, or SKIP (nothing ran). */
  static final class Outcome {
    final String result;
    final long millis;
    final String message;

    Outcome(String result, long millis, String message) {
      this.result = result;
      this.millis = millis;
      this.message = message;
    }
  }

  abstract String name();

  abstract Outcome run(ClassLoader loader, String test) throws Exception;

  /** The test methods of a class, as {@code Class#method}, in the order JUnit gives them. */
  abstract java.util.List<String> list(ClassLoader loader, String className) throws Exception;

  static Runner detect(ClassLoader libraries) {
    try {
      Class.forName("org.junit.platform.launcher.core.LauncherFactory", false, libraries);
      return new PlatformRunner();
    } catch (ClassNotFoundException | LinkageError noPlatform) {
      // JUnit 4 alone
    }
    try {
      Class.forName("org.junit.runner.JUnitCore", false, libraries);
      return new JUnit4Runner();
    } catch (ClassNotFoundException | LinkageError noJUnit4) {
      throw new IllegalStateException(
          "neither the JUnit Platform launcher nor JUnit 4 is on the test class path");
    }
  }

  /** The class and method of a test id ({@code pkg.Class#method}, parameters dropped). */
  static String[] split(String test) {
    int hash = test.indexOf('#');
    if (hash < 0) {
      return new String[] {test, null};
    }
    String method = test.substring(hash + 1).replaceAll("[(\\[].*$", "");
    return new String[] {test.substring(0, hash), method};
  }
}
