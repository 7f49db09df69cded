package dev.selfheal.fix.logic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.localize.Spectrum;
import dev.selfheal.localize.Suspect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How other surviving patches bear on the chosen one's confidence. */
class LogicRepairConfidenceTest {
  private static final String FILE = "src/main/java/com/acme/Ledger.java";

  private static Candidate candidate(RepairTemplate t, String newText, int rank) {
    Suspect s = new Suspect(FILE, 9, "Ledger.last", rank, new Spectrum(1, 0, 1, 8), true, false, 0);
    return new Candidate(
        FILE, "com.acme.Ledger", t, new Mutation(0, 1, "x", "what"), newText, s, 9, 9, 1, 1.0);
  }

  private static CandidateSearch.Survivor survivor(Candidate c) {
    return new CandidateSearch.Survivor(c, List.of(), List.of("LedgerTest#last"));
  }

  @Test
  void aRevertIsNotDoubtedByATemplatesGuessThatAlsoPasses() {
    Candidate revert = candidate(new PartialRevert(), "size() - n", 1);
    Candidate guess = candidate(new OffByOne(), "size() - n + 0", 1);

    LogicRepair.Ambiguity a = LogicRepair.ambiguity(revert, List.of(survivor(guess)));

    assertThat(a).isEqualTo(LogicRepair.Ambiguity.NONE);
    assertThat(LogicRepair.confidence(revert, 0, 1, a)).isGreaterThanOrEqualTo(0.7);
  }

  @Test
  void aRevertIsDoubtedByAnotherRevertAndAGuessByAnyPatchAsSmall() {
    Candidate revert = candidate(new PartialRevert(), "size() - n", 1);
    Candidate other = candidate(new PartialRevert(), "size() - m", 1);
    Candidate guess = candidate(new OffByOne(), "size() - n + 0", 1);
    Candidate lower = candidate(new RelationalOperator(), "size() <= n", 2);

    assertThat(LogicRepair.ambiguity(revert, List.of(survivor(other))))
        .isEqualTo(LogicRepair.Ambiguity.TIED);
    assertThat(LogicRepair.ambiguity(guess, List.of(survivor(revert))))
        .isEqualTo(LogicRepair.Ambiguity.TIED);
    assertThat(LogicRepair.ambiguity(guess, List.of(survivor(lower))))
        .isEqualTo(LogicRepair.Ambiguity.OUTRANKED);
    // The same text by another route is no second opinion.
    assertThat(
            LogicRepair.ambiguity(
                guess, List.of(survivor(candidate(new NullGuard(), "size() - n + 0", 1)))))
        .isEqualTo(LogicRepair.Ambiguity.NONE);
    // A guess that only the failing test vouches for, with a rival as small, stays below 0.7.
    assertThat(LogicRepair.confidence(guess, 0, 1, LogicRepair.Ambiguity.TIED)).isLessThan(0.7);
  }
}
