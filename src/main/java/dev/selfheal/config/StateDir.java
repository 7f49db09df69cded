package dev.selfheal.config;

import java.nio.file.Path;
import java.util.Map;

/** Where selfheal keeps its own state: {@code ${XDG_STATE_HOME:-$HOME/.local/state}/selfheal}. */
public final class StateDir {
  private StateDir() {}

  public static Path resolve(Map<String, String> env) {
    String xdg = env.get("XDG_STATE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "selfheal");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".local", "state", "selfheal");
  }
}
