package dev.selfheal.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who diagnosed: selfheal's own rules, or a model. */
public enum DiagnosisSource {
  RULES,
  LLM;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
