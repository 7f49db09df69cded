package dev.selfheal.exec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The environment a build or test runs in: the caller's, less anything that looks like a secret, so
 * a test that prints its environment cannot leak a token into a log that leaves the machine.
 */
public final class CleanEnvironment {
  private CleanEnvironment() {}

  public static boolean isSecretName(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.endsWith("_API_KEY")
        || n.contains("TOKEN")
        || n.contains("SECRET")
        || n.contains("PASSWORD")
        || n.startsWith("SELFHEAL_DB_");
  }

  public static Map<String, String> scrub(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    env.forEach(
        (k, v) -> {
          if (!isSecretName(k)) {
            out.put(k, v);
          }
        });
    return out;
  }
}
