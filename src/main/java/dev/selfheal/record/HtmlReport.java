package dev.selfheal.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained page (no script, style or font from the internet) with the metrics and three
 * charts drawn in SVG by an inline script from the data embedded in the page: auto-fix rate per
 * category per week, the time-to-fix distribution, and outcomes by strategy. Every bar carries its
 * value in {@code data-*} attributes, so a test can read what was drawn.
 */
public final class HtmlReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Upper bounds (exclusive) of the time-to-fix buckets, in seconds; the last is open. */
  static final long[] BUCKETS = {10, 30, 60, 120, 300, 600, 1800};

  static final String[] BUCKET_LABELS = {
    "< 10 s", "10–30 s", "30 s–1 min", "1–2 min", "2–5 min", "5–10 min", "10–30 min", "≥ 30 min"
  };

  private HtmlReport() {}

  public static String render(Metrics m, List<Attempt> attempts, String title) {
    ObjectNode data = JSON.createObjectNode();
    data.set("metrics", JSON.valueToTree(m));
    data.set("rates", rates(attempts));
    data.set("ttf", ttf(attempts));
    data.set("outcomes", outcomes(attempts));
    String json;
    try {
      json = JSON.writeValueAsString(data).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metrics always serialise", e);
    }
    return PAGE.replace("@TITLE@", escape(title)).replace("@DATA@", json);
  }

  /** Per week (Monday, UTC) and category: attempts, healed, rate. */
  static ArrayNode rates(List<Attempt> attempts) {
    Map<String, Map<String, int[]>> byWeek = new TreeMap<>();
    for (Attempt a : attempts) {
      if (!Metrics.isFixAttempt(a)) {
        continue;
      }
      String week =
          LocalDate.ofInstant(a.startedAt(), ZoneOffset.UTC)
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .toString();
      int[] c =
          byWeek
              .computeIfAbsent(week, k -> new TreeMap<>())
              .computeIfAbsent(Metrics.categoryOf(a), k -> new int[2]);
      c[0]++;
      if (a.status() == dev.selfheal.model.Status.HEALED) {
        c[1]++;
      }
    }
    ArrayNode out = JSON.createArrayNode();
    byWeek.forEach(
        (week, cats) ->
            cats.forEach(
                (cat, c) ->
                    out.addObject()
                        .put("week", week)
                        .put("category", cat)
                        .put("attempts", c[0])
                        .put("healed", c[1])
                        .put("rate", (double) c[1] / c[0])));
    return out;
  }

  static ArrayNode ttf(List<Attempt> attempts) {
    int[] counts = new int[BUCKET_LABELS.length];
    for (Attempt a : attempts) {
      if (a.status() == dev.selfheal.model.Status.HEALED) {
        counts[bucket(a.timings().toFix())]++;
      }
    }
    ArrayNode out = JSON.createArrayNode();
    for (int i = 0; i < counts.length; i++) {
      out.addObject().put("bucket", BUCKET_LABELS[i]).put("count", counts[i]);
    }
    return out;
  }

  static int bucket(long millis) {
    for (int i = 0; i < BUCKETS.length; i++) {
      if (millis < BUCKETS[i] * 1000) {
        return i;
      }
    }
    return BUCKETS.length;
  }

  static ArrayNode outcomes(List<Attempt> attempts) {
    Map<String, Map<String, Integer>> by = new TreeMap<>();
    for (Attempt a : attempts) {
      if (Metrics.isFixAttempt(a)) {
        String strategy = a.strategy() == null ? "none" : a.strategy();
        by.computeIfAbsent(strategy, k -> new TreeMap<>())
            .merge(a.status().wire(), 1, Integer::sum);
      }
    }
    ArrayNode out = JSON.createArrayNode();
    by.forEach(
        (strategy, statuses) ->
            statuses.forEach(
                (status, n) ->
                    out.addObject()
                        .put("strategy", strategy)
                        .put("status", status)
                        .put("count", n)));
    return out;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final String PAGE = page();

  private static String page() {
    try (var in = HtmlReport.class.getResourceAsStream("/report/metrics.html")) {
      if (in == null) {
        throw new IllegalStateException("report/metrics.html is missing from the jar");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
