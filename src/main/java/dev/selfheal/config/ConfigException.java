package dev.selfheal.config;

/** The configuration is wrong; the message names the file, line, key and what is allowed. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
