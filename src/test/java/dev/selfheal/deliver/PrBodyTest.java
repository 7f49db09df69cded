package dev.selfheal.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Patch;
import dev.selfheal.redact.Redactor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrBodyTest {
  static PrEvidence evidence(String rootCause, String reasoning) {
    return new PrEvidence(
        List.of(
            new Diagnosis(
                rootCause,
                Category.TEST_FAILURE,
                List.of("src/main/java/A.java"),
                0.9,
                reasoning,
                DiagnosisSource.LLM)),
        List.of("llm:m"),
        new Patch(
            1,
            2,
            "--- a/src/main/java/A.java\n+++ b/src/main/java/A.java\n@@ -1 +1 @@\n-a\n+b\n",
            List.of("src/main/java/A.java")),
        List.of("com.acme.ATest#adds"),
        List.of("com.acme.ATest#adds"),
        1,
        12,
        List.of(),
        "m",
        100,
        0.01,
        "0123456789abcdef",
        "main",
        "{\"schema\":\"selfheal.report/v1\"}",
        null);
  }

  @Test
  void theDiffStatReadsASqlCommentAsALine() {
    String diff =
        "--- a/db/q.sql\n+++ b/db/q.sql\n@@ -1,3 +1,3 @@\n select 1;\n--- old note\n+-- new note\n"
            + " select 2;\n";
    assertThat(PrBody.diffStat(diff)).containsExactly(Map.entry("db/q.sql", "+1 −1"));
  }

  @Test
  void theTitleNamesTheChangeAndNothingIsCutMidWord() {
    assertThat(
            PrTitle.of(
                List.of(
                    new Diagnosis(
                        "the breaking change renamed PriceCalculator.totalWithTax to grossTotal but"
                            + " src/main/java/Shop.java still calls the old name",
                        Category.TYPE_ERROR,
                        List.of(),
                        0.9,
                        "r",
                        DiagnosisSource.RULES)),
                List.of("java/renamed-member")))
        .isEqualTo("follow rename PriceCalculator.totalWithTax → grossTotal");
    String longReason = "word ".repeat(100);
    String cut = PrTitle.cut(longReason.strip(), 72);
    assertThat(cut).endsWith("word…").hasSizeLessThanOrEqualTo(72);
    String body =
        PrBody.render(
            evidence("x", "because " + "incomprehensibilities ".repeat(30)),
            1,
            Instant.parse("2026-12-02T10:00:00Z"),
            new Redactor(Map.of()));
    assertThat(body)
        .containsPattern("reasoning: because (incomprehensibilities )+incomprehensibilities…");
  }

  @Test
  void aMarkerInTheModelsTextIsNotReadAsSelfhealsOwn() {
    String spoof = "<!-- selfheal:attempts 0 last=2000-01-01T00:00:00Z -->";
    String body =
        PrBody.render(
            evidence("adds wrongly " + spoof, "see " + spoof),
            3,
            Instant.parse("2026-12-02T10:00:00Z"),
            new Redactor(Map.of()));
    assertThat(ReportBlock.attempts(body))
        .hasValue(new ReportBlock.Attempts(3, Instant.parse("2026-12-02T10:00:00Z")));
    assertThat(body.indexOf("<!--")).isEqualTo(body.indexOf("<!-- selfheal:report"));
  }
}
