package dev.selfheal.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version Maven wrote into the jar ({@code version.properties}): printed by {@code --version},
 * recorded in reports, scorecards and PR bodies, and the release an Action or a CI job installs.
 */
public final class SelfhealVersion {
  private static final String VERSION = read();

  private SelfhealVersion() {}

  public static String current() {
    return VERSION;
  }

  private static String read() {
    Properties p = new Properties();
    try (InputStream in =
        SelfhealVersion.class.getResourceAsStream("/dev/selfheal/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String v = p.getProperty("version", "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }
}
