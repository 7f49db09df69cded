package dev.selfheal.eval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The eval's result, {@code selfheal.scorecard/v1}: the score (0–100, the execution-graded pass
 * rate) overall and per slice (each tag value), the structure and judge grades beside it, and what
 * produced it (the healer's version, a hash of its configuration, the graders that ran).
 */
@JsonPropertyOrder({
  "schema",
  "cases",
  "score",
  "slices",
  "structure_score",
  "judge_score",
  "version",
  "config_hash",
  "graders",
  "llm",
  "builds",
  "results"
})
public record Scorecard(
    String schema,
    int cases,
    double score,
    Map<String, Slice> slices,
    Double structureScore,
    Double judgeScore,
    String version,
    String configHash,
    Map<String, String> graders,
    Llm llm,
    Builds builds,
    List<CaseResult> results) {

  public static final String SCHEMA = "selfheal.scorecard/v1";

  /**
   * @param localized healed cases whose heal localized the fault (null: none)
   * @param localizationTop5 the share of those whose fix changed a line ranked in the top five
   */
  public record Slice(
      int cases,
      double score,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Integer localized,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Double localizationTop5) {
    public Slice(int cases, double score) {
      this(cases, score, null, null);
    }
  }

  /**
   * How the LLM tier ran: live, replayed from recordings (with how many of the heals' requests and
   * of the judge's verdicts had none), or off.
   */
  @JsonPropertyOrder({"mode", "misses", "judge_misses"})
  public record Llm(String mode, int misses, int judgeMisses) {
    /** The mode, with what the recordings lacked: the heals' requests and the judge's verdicts. */
    public String describe() {
      List<String> missing = new java.util.ArrayList<>();
      if (misses > 0) {
        missing.add(misses + " request(s)");
      }
      if (judgeMisses > 0) {
        missing.add(judgeMisses + " verdict(s)");
      }
      return missing.isEmpty()
          ? mode
          : mode + ", " + String.join(" and ", missing) + " without a recording";
    }
  }

  /**
   * How the cases' Maven builds ran: {@code warm} (in Maven JVMs kept between builds: how many
   * builds, in how many JVMs, and how many {@code mvn} commands still ran as a process because a
   * warm JVM could not run them exactly) or {@code fresh} (a process each); null in scorecards from
   * before.
   */
  @JsonPropertyOrder({"maven", "warm_builds", "jvms", "declined", "description"})
  public record Builds(
      Evaluation.MavenJvm maven, int warmBuilds, int jvms, int declined, String description) {}

  @JsonPropertyOrder({"id", "tags", "passed", "status", "graders", "seconds", "cost_usd"})
  public record CaseResult(
      String id,
      Map<String, String> tags,
      boolean passed,
      String status,
      Map<String, Grade> graders,
      double seconds,
      double costUsd,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Boolean localizedInTop5) {
    public CaseResult(
        String id,
        Map<String, String> tags,
        boolean passed,
        String status,
        Map<String, Grade> graders,
        double seconds,
        double costUsd) {
      this(id, tags, passed, status, graders, seconds, costUsd, null);
    }
  }

  /** Points, one decimal. */
  static double points(long passed, long of) {
    return of == 0 ? 0.0 : Math.round(1000.0 * passed / of) / 10.0;
  }
}
