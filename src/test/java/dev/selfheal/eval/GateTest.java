package dev.selfheal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateTest {
  /** A scorecard whose cases pass as given; slices from each case's one tag value. */
  private static Scorecard card(Map<String, Boolean> passed, Map<String, String> sliceOf) {
    List<Scorecard.CaseResult> results = new ArrayList<>();
    Map<String, long[]> counts = new LinkedHashMap<>();
    passed.forEach(
        (id, ok) -> {
          results.add(
              new Scorecard.CaseResult(
                  id,
                  Map.of("category", sliceOf.get(id)),
                  ok,
                  ok ? "healed" : "not_healed",
                  Map.of(),
                  1,
                  0));
          long[] c = counts.computeIfAbsent(sliceOf.get(id), k -> new long[2]);
          c[0]++;
          c[1] += ok ? 1 : 0;
        });
    Map<String, Scorecard.Slice> slices = new LinkedHashMap<>();
    counts.forEach(
        (k, v) -> slices.put(k, new Scorecard.Slice((int) v[0], Scorecard.points(v[1], v[0]))));
    long ok = passed.values().stream().filter(b -> b).count();
    return new Scorecard(
        Scorecard.SCHEMA,
        passed.size(),
        Scorecard.points(ok, passed.size()),
        slices,
        null,
        null,
        "t",
        "h",
        Map.of(),
        new Scorecard.Llm("off", 0, 0),
        null,
        results);
  }

  private static Map<String, Boolean> cases(int n, int failing, String prefix) {
    Map<String, Boolean> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(prefix + i, i >= failing);
    }
    return m;
  }

  private static Map<String, String> slice(Map<String, Boolean> m, String s) {
    Map<String, String> out = new LinkedHashMap<>();
    m.keySet().forEach(k -> out.put(k, s));
    return out;
  }

  @Test
  void anOverallDropOfMoreThanTwoPointsTripsAndNamesTheFlippedCases() {
    Map<String, Boolean> before = cases(100, 0, "c");
    Map<String, Boolean> after = cases(100, 3, "c");
    Gate.Verdict v =
        Gate.compare(
            card(after, slice(after, "big")), card(before, slice(before, "big")), 2.0, Set.of());
    assertThat(v.tripped()).isTrue();
    assertThat(v.reasons().get(0)).contains("overall: 100.0 → 97.0");
    assertThat(v.flippedToFail()).containsExactly("c0", "c1", "c2");
    Map<String, Boolean> two = cases(100, 2, "c");
    assertThat(
            Gate.compare(
                    card(two, slice(two, "big")), card(before, slice(before, "big")), 2.0, Set.of())
                .tripped())
        .isFalse();
  }

  @Test
  void aSliceTripsOnlyWithFiveCasesAndMoreThanOneCaseLost() {
    Map<String, Boolean> base = new LinkedHashMap<>(cases(100, 0, "a"));
    Map<String, String> sl = new LinkedHashMap<>(slice(base, "big"));
    Map<String, Boolean> smallBefore = cases(6, 0, "s");
    base.putAll(smallBefore);
    sl.putAll(slice(smallBefore, "small"));
    // Two of six lost in the small slice: -33 points and 2 cases; overall only -1.9.
    Map<String, Boolean> now = new LinkedHashMap<>(base);
    now.put("s0", false);
    now.put("s1", false);
    Gate.Verdict v = Gate.compare(card(now, sl), card(base, sl), 2.0, Set.of());
    assertThat(v.tripped()).isTrue();
    assertThat(v.reasons()).singleElement().asString().startsWith("slice small");
    // One case lost is noise, however many points it is.
    Map<String, Boolean> one = new LinkedHashMap<>(base);
    one.put("s0", false);
    assertThat(Gate.compare(card(one, sl), card(base, sl), 2.0, Set.of()).tripped()).isFalse();
    // A slice of four is too small to judge.
    Map<String, String> tiny = new LinkedHashMap<>(sl);
    tiny.put("s4", "other");
    tiny.put("s5", "other");
    assertThat(Gate.compare(card(now, tiny), card(base, tiny), 2.0, Set.of()).tripped()).isFalse();
    // With --slice, only the selected slices count.
    assertThat(Gate.compare(card(now, sl), card(base, sl), 2.0, Set.of("big")).tripped()).isFalse();
  }

  @Test
  void aSelectionByIdPrefixIsComparedOverTheCasesBothRunsHold() {
    Map<String, Boolean> base = new LinkedHashMap<>(cases(10, 0, "hand/c"));
    base.putAll(cases(90, 0, "gen/c"));
    Map<String, String> sl = slice(base, "big");
    // The run selected the hand cases only; three of ten fail now.
    Map<String, Boolean> now = cases(10, 3, "hand/c");
    Gate.Verdict v = Gate.compare(card(now, sl), card(base, sl), 2.0, Set.of("hand"));
    assertThat(v.tripped()).isTrue();
    assertThat(v.reasons()).singleElement().asString().startsWith("hand (10 case(s) in both runs)");
    assertThat(v.flippedToFail()).containsExactly("hand/c0", "hand/c1", "hand/c2");
    assertThat(
            Gate.compare(card(cases(10, 0, "hand/c"), sl), card(base, sl), 2.0, Set.of("hand"))
                .tripped())
        .isFalse();
  }

  @Test
  void theSummaryComparesASelectionWithTheSameCasesOfAFullBaseline() {
    Map<String, Boolean> base = new LinkedHashMap<>(cases(10, 0, "hand/c"));
    base.putAll(cases(90, 45, "gen/c"));
    Map<String, String> sl = slice(base, "big");
    Scorecard now = card(cases(10, 3, "hand/c"), sl);
    Scorecard was = card(base, sl);
    String md = ScorecardWriter.summary(now, was, Gate.compare(now, was, 2.0, Set.of("hand")));
    assertThat(md)
        .contains(
            "Score **70.0** on 10 case(s) (baseline 55.0 on 100 case(s); on the 10 both runs hold: 100.0 → 70.0)")
        .contains("The gate tripped");
  }
}
