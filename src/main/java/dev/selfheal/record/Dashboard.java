package dev.selfheal.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a team looks at, from the history: the five metrics overall, by category and by repository,
 * each as a trend by week (Monday, UTC), the recent heals, and the period covered — when the page
 * was generated and by which selfheal. The same for {@code report --json} and {@code --html}.
 */
public record Dashboard(
    Metrics metrics,
    Instant from,
    Instant until,
    Instant generatedAt,
    String version,
    List<Week> weeks,
    Map<String, Metrics> byRepo,
    List<Recent> recent) {
  static final int RECENT = 25;

  /** One week's metrics. */
  public record Week(String week, Metrics metrics) {}

  /** One heal, as a row of the recent heals' table. */
  public record Recent(
      Instant time,
      String repo,
      String commit,
      String headline,
      String status,
      String reason,
      String strategy,
      String prUrl) {}

  /**
   * @param selected the heals in the period and repository asked for
   * @param all every recorded heal (a regression may show after the period)
   * @param from the start asked for, or null (the first heal's time)
   * @param until the end asked for, or null (the last heal's time)
   */
  public static Dashboard of(
      List<Attempt> selected,
      List<Attempt> all,
      Instant from,
      Instant until,
      Instant now,
      String version) {
    List<Attempt> heals = Metrics.dedupe(selected);
    Map<String, List<Attempt>> byWeek = new TreeMap<>();
    Map<String, List<Attempt>> byRepo = new TreeMap<>();
    for (Attempt a : heals) {
      String week =
          LocalDate.ofInstant(a.startedAt(), ZoneOffset.UTC)
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .toString();
      byWeek.computeIfAbsent(week, k -> new ArrayList<>()).add(a);
      byRepo.computeIfAbsent(a.repo(), k -> new ArrayList<>()).add(a);
    }
    List<Week> weeks = new ArrayList<>();
    if (!byWeek.isEmpty()) {
      // Every week of the period, an empty one included: a gap in a trend is information.
      LocalDate first = LocalDate.parse(((TreeMap<String, List<Attempt>>) byWeek).firstKey());
      LocalDate last = LocalDate.parse(((TreeMap<String, List<Attempt>>) byWeek).lastKey());
      for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) {
        weeks.add(
            new Week(w.toString(), Metrics.of(byWeek.getOrDefault(w.toString(), List.of()), all)));
      }
    }
    Map<String, Metrics> repos = new TreeMap<>();
    byRepo.forEach((repo, list) -> repos.put(repo, Metrics.of(list, all)));
    List<Recent> recent =
        heals.stream()
            .sorted(Comparator.comparing(Attempt::startedAt).reversed())
            .limit(RECENT)
            .map(
                a ->
                    new Recent(
                        a.startedAt(),
                        a.repo(),
                        a.commitSha() == null
                            ? null
                            : a.commitSha().substring(0, Math.min(7, a.commitSha().length())),
                        a.headline(),
                        a.status().wire(),
                        a.message(),
                        a.strategy(),
                        a.prUrl()))
            .toList();
    Instant first = selected.stream().map(Attempt::startedAt).min(Instant::compareTo).orElse(null);
    Instant last = selected.stream().map(Attempt::startedAt).max(Instant::compareTo).orElse(null);
    return new Dashboard(
        Metrics.of(heals, all),
        from != null ? from : first,
        until != null ? until : last,
        now,
        version,
        weeks,
        repos,
        recent);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * {@code selfheal.metrics/v1}: the overall metrics at the top (as before), and beside them the
   * period, when and by what it was generated, the weekly series, the per-repository breakdown and
   * the recent heals.
   */
  public ObjectNode json() {
    ObjectNode out = JSON.valueToTree(metrics);
    ObjectNode period = out.putObject("period");
    period.put("from", from == null ? null : from.toString());
    period.put("until", until == null ? null : until.toString());
    out.put("generated_at", generatedAt.toString());
    out.put("selfheal_version", version);
    var w = out.putArray("weeks");
    for (Week week : weeks) {
      ObjectNode n = JSON.valueToTree(week.metrics());
      n.remove("schema");
      n.remove("by_category");
      ObjectNode row = w.addObject();
      row.put("week", week.week());
      row.setAll(n);
    }
    ObjectNode repos = out.putObject("by_repo");
    byRepo.forEach(
        (repo, m) -> {
          ObjectNode n = JSON.valueToTree(m);
          n.remove("schema");
          n.remove("by_category");
          repos.set(repo, n);
        });
    var r = out.putArray("recent");
    for (Recent h : recent) {
      ObjectNode n = r.addObject();
      n.put("time", h.time().toString());
      n.put("repo", h.repo());
      n.put("commit", h.commit());
      n.put("headline", h.headline());
      n.put("status", h.status());
      n.put("reason", h.reason());
      n.put("strategy", h.strategy());
      n.put("pr_url", h.prUrl());
    }
    return out;
  }
}
