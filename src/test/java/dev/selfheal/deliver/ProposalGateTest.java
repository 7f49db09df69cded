package dev.selfheal.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.github.PullRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProposalGateTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final SelfhealConfig.Delivery CONFIG =
      new SelfhealConfig.Delivery(List.of("auto-heal"), List.of(), 3, 60);

  private static PullRequest pr(
      int n, boolean open, boolean merged, String fp, int attempts, Instant last) {
    String report = "{\"fixes\":[{\"fingerprints\":[\"" + fp + "\"]}],\"diff\":\"a --> b\"}";
    String body = "text\n" + ReportBlock.render(report, attempts, last);
    return new PullRequest(
        n, "https://x/pull/" + n, open, merged, "selfheal/x", "s", "main", body, List.of(), null);
  }

  @Test
  void aPersonsNoIsFinal() {
    var d =
        ProposalGate.decide(
            Set.of("fp1"),
            List.of(pr(4, false, false, "fp1", 1, NOW.minusSeconds(86_400))),
            Map.of(),
            CONFIG,
            NOW);
    assertThat(d)
        .isInstanceOfSatisfying(
            ProposalGate.Stop.class,
            s -> assertThat(s.reason()).contains("#4").contains("unmerged"));
  }

  @Test
  void aMergedFixDoesNotBlockAndAnOpenOneIsReused() {
    var merged =
        ProposalGate.decide(
            Set.of("fp1"), List.of(pr(1, false, true, "fp1", 3, NOW)), Map.of(), CONFIG, NOW);
    assertThat(merged).isEqualTo(new ProposalGate.Proceed(java.util.Optional.empty()));
    PullRequest open = pr(2, true, false, "fp1", 1, NOW.minusSeconds(3_601));
    var reuse = ProposalGate.decide(Set.of("fp1", "fp2"), List.of(open), Map.of(), CONFIG, NOW);
    assertThat(reuse).isEqualTo(new ProposalGate.Proceed(java.util.Optional.of(open)));
    var other = ProposalGate.decide(Set.of("fp9"), List.of(open), Map.of(), CONFIG, NOW);
    assertThat(other).isEqualTo(new ProposalGate.Proceed(java.util.Optional.empty()));
  }

  @Test
  void attemptsAndCooldownCountFromThePullRequestAndTheLedger() {
    var fromPr =
        ProposalGate.decide(
            Set.of("fp1"),
            List.of(pr(2, true, false, "fp1", 3, NOW.minusSeconds(7_200))),
            Map.of(),
            CONFIG,
            NOW);
    assertThat(fromPr)
        .isInstanceOfSatisfying(
            ProposalGate.Stop.class, s -> assertThat(s.reason()).contains("3 time(s)"));
    var cooling =
        ProposalGate.decide(
            Set.of("fp1"), List.of(), Map.of("fp1", List.of(NOW.minusSeconds(600))), CONFIG, NOW);
    assertThat(cooling)
        .isInstanceOfSatisfying(
            ProposalGate.Stop.class,
            s -> assertThat(s.reason()).contains("until 2026-11-25T12:50:00Z"));
    var after =
        ProposalGate.decide(
            Set.of("fp1"), List.of(), Map.of("fp1", List.of(NOW.minusSeconds(3_600))), CONFIG, NOW);
    assertThat(after).isInstanceOf(ProposalGate.Proceed.class);
  }

  @Test
  void theReportBlockSurvivesTextThatWouldCloseAComment() {
    String body =
        ReportBlock.render("{\"diff\":\"x --> y\",\"failures\":[{\"fingerprint\":\"f\"}]}", 2, NOW);
    assertThat(body.indexOf("-->")).isEqualTo(body.indexOf("\n-->") + 1);
    assertThat(ReportBlock.report(body).orElseThrow().path("diff").asText()).isEqualTo("x --> y");
    assertThat(ReportBlock.fingerprints(body)).containsExactly("f");
    assertThat(ReportBlock.attempts(body)).contains(new ReportBlock.Attempts(2, NOW));
    assertThat(ReportBlock.report("no block")).isEmpty();
    assertThat(FixBranch.name(List.of("b", "a")))
        .isEqualTo(FixBranch.name(List.of("a", "b")))
        .startsWith("selfheal/");
    assertThat(PrBody.diffStat("--- a/A.java\n+++ b/A.java\n@@ -1 +1,2 @@\n-x\n+y\n+z\n"))
        .containsEntry("A.java", "+2 −1");
  }
}
