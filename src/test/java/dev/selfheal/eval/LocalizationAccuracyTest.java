package dev.selfheal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which original lines a fix's diff touched: what localization accuracy is judged against. */
class LocalizationAccuracyTest {
  @Test
  void removedAndInsertedBeforeLinesCount() {
    String diff =
        """
        --- a/src/main/java/A.java
        +++ b/src/main/java/A.java
        @@ -7,7 +7,7 @@
         a
         b
        -    if (total > 100) {
        +    if (total >= 100) {
         c
        @@ -20,2 +20,5 @@
         d
        +    if (x == null) {
        +      return 0;
        +    }
         e
        """;
    assertThat(LocalizationAccuracy.fixedLines(diff))
        .containsExactlyInAnyOrder("src/main/java/A.java:9", "src/main/java/A.java:21");
  }

  @Test
  void nothingToJudgeWithoutAReport() {
    assertThat(LocalizationAccuracy.inTop(null)).isNull();
  }
}
