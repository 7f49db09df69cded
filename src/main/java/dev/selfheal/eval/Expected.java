package dev.selfheal.eval;

import dev.selfheal.model.Status;
import java.util.Locale;

/** What a golden case expects the healer to end with. */
public enum Expected {
  HEALED,
  REJECTED,
  FLAKY,
  NOT_REPRODUCED,
  NOT_HEALED,
  /** A regression whose fix is optional: healed (the allowed files only) or declined. */
  HEALED_OR_DECLINED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Expected fromWire(String s) {
    for (Expected e : values()) {
      if (e.wire().equals(s)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "expected must be healed, rejected, flaky, not_reproduced, not_healed or"
            + " healed_or_declined, not "
            + s);
  }

  /**
   * Whether a heal's status is this outcome. "Not healed" means no fix and a person looks: a
   * candidate a guardrail refused ({@code rejected}) declines too. {@code rejected} itself asks for
   * the guardrail's refusal.
   */
  public boolean matches(Status s) {
    return switch (this) {
      case HEALED -> s == Status.HEALED;
      case REJECTED -> s == Status.REJECTED;
      case FLAKY -> s == Status.FLAKY;
      case NOT_REPRODUCED -> s == Status.NOT_REPRODUCED;
      case NOT_HEALED -> s == Status.NOT_HEALED || s == Status.REJECTED;
      case HEALED_OR_DECLINED ->
          s == Status.HEALED || s == Status.NOT_HEALED || s == Status.REJECTED;
    };
  }
}
