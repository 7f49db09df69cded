package dev.selfheal.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * GitHub's two rate limits, as its REST documentation describes them: the primary one (403 or 429
 * with {@code x-ratelimit-remaining: 0}, over until {@code x-ratelimit-reset}, epoch seconds) and
 * the secondary one (403 or 429 with {@code retry-after} seconds, or a message that says so).
 */
final class RateLimit {
  private RateLimit() {}

  /** When the limit that refused this answer is over; empty when it was not a rate limit. */
  static Optional<Instant> until(int status, HttpHeaders h, JsonNode body, Clock clock) {
    if (status != 403 && status != 429) {
      return Optional.empty();
    }
    Optional<Long> retryAfter = h.firstValue("retry-after").flatMap(RateLimit::number);
    if (retryAfter.isPresent()) {
      return Optional.of(clock.instant().plusSeconds(retryAfter.get()));
    }
    boolean exhausted =
        h.firstValue("x-ratelimit-remaining").flatMap(RateLimit::number).orElse(-1L) == 0;
    Optional<Long> reset = h.firstValue("x-ratelimit-reset").flatMap(RateLimit::number);
    if (exhausted && reset.isPresent()) {
      return Optional.of(Instant.ofEpochSecond(reset.get()));
    }
    String message = body.path("message").asText("").toLowerCase(Locale.ROOT);
    if (status == 429 || message.contains("rate limit")) {
      // Secondary limit without a header: GitHub asks for at least a minute's pause.
      return Optional.of(reset.map(Instant::ofEpochSecond).orElse(clock.instant().plusSeconds(60)));
    }
    return Optional.empty();
  }

  private static Optional<Long> number(String s) {
    try {
      return Optional.of(Long.parseLong(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
