package dev.selfheal.config;

import java.util.Locale;

/** Which model provider the LLM tier uses; {@code AUTO} picks by the environment. */
public enum LlmProvider {
  AUTO,
  ANTHROPIC,
  OPENAI,
  NONE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
