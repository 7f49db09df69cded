package dev.selfheal.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.selfheal.guard.Violation;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Status;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable result of a heal, schema {@code selfheal.report/v1} (the JSON Schema is
 * {@code src/main/resources/schema/selfheal.report.v1.json}). Field names are DESIGN.md's.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HealReport(
    String schema,
    Status status,
    String message,
    String repo,
    String command,
    String baseCommit,
    List<Failure> failures,
    List<Diagnosis> diagnoses,
    List<Fix> fixes,
    PatchSummary patch,
    Guardrails guardrails,
    Validation validation,
    Delivery delivery,
    Timings timingsMs,
    Llm llm,
    List<String> notices,
    String selfhealVersion,
    Refused refused,
    List<Surfaced> preExisting,
    Localization localization) {

  public static final String SCHEMA = "selfheal.report/v1";

  /** A report without the parts added since the first schema (tests that build one by hand). */
  public HealReport(
      String schema,
      Status status,
      String message,
      String repo,
      String command,
      String baseCommit,
      List<Failure> failures,
      List<Diagnosis> diagnoses,
      List<Fix> fixes,
      PatchSummary patch,
      Guardrails guardrails,
      Validation validation,
      Delivery delivery,
      Timings timingsMs,
      Llm llm,
      List<String> notices) {
    this(
        schema,
        status,
        message,
        repo,
        command,
        baseCommit,
        failures,
        diagnoses,
        fixes,
        patch,
        guardrails,
        validation,
        delivery,
        timingsMs,
        llm,
        notices,
        null,
        null,
        List.of(),
        null);
  }

  /**
   * The best candidate a guardrail refused, kept for a person to judge: its fixes and diff, what
   * refused it, and the setting that would have allowed it (when only a setting did).
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Refused(
      List<Fix> fixes, PatchSummary patch, List<Violation> violations, String allowedBy) {}

  /**
   * A failure the fix uncovered rather than caused: it fails on the last commit where the suite ran
   * too ({@code pre_existing}), or passed when run again ({@code flaky}).
   */
  public record Surfaced(String test, String reason) {}

  /**
   * Where the fault likely is: the ranked suspicious lines (per-test coverage, the breaking change,
   * the stack traces), or why nothing was localized.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Localization(
      boolean localized,
      String reason,
      int failingTests,
      int passingTests,
      List<Suspect> top,
      long millis,
      int candidatesTried,
      int candidatesSurvived) {
    /**
     * @param score Ochiai
     * @param coveredBy passing tests that run the line
     */
    public record Suspect(
        int rank,
        String file,
        int line,
        String method,
        double score,
        boolean changed,
        boolean inStack,
        int coveredBy) {}

    /** Nothing was localized, and why. */
    public static Localization not(String reason, long millis) {
      return new Localization(false, reason, 0, 0, List.of(), millis, 0, 0);
    }
  }

  /** The message, with what each guardrail refused when one did: why a person must look. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String reason() {
    if (guardrails == null || guardrails.violations().isEmpty()) {
      return message;
    }
    return message
        + " ("
        + String.join(
            "; ",
            guardrails.violations().stream()
                .map(v -> v.rule().wire() + ": " + v.detail())
                .distinct()
                .toList())
        + ")";
  }

  public record PatchSummary(int filesChanged, int linesChanged, String diff) {}

  public record Guardrails(boolean passed, List<Violation> violations) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Targeted(boolean passed, List<String> tests, int executed, String command) {}

  public record Full(boolean passed, int testsRun, List<String> newlyFailing) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Validation(
      int attempts,
      List<String> flakyTests,
      Targeted targeted,
      Full full,
      int buildRuns,
      long buildMillis,
      String lastProblem) {}

  public enum DeliveryMode {
    DRY_RUN,
    APPLY,
    PR;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Delivery(DeliveryMode mode, String branch, String prUrl, boolean applied) {}

  public record Timings(
      long detect, long diagnose, long fix, long validate, long deliver, long total) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Llm(
      String provider,
      String model,
      int calls,
      long inputTokens,
      long outputTokens,
      double costUsd,
      List<Call> perCall) {
    public static final Llm NONE = new Llm(null, null, 0, 0, 0, 0.0, List.of());

    /** One model call: its purpose (diagnosis, fix, a re-ask), tokens and cost (null: no price). */
    public record Call(String purpose, long inputTokens, long outputTokens, Double costUsd) {}
  }
}
