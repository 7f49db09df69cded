package dev.selfheal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.breakage.Breakage;
import dev.selfheal.breakage.Expectation;
import dev.selfheal.breakage.Operator.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrillTest {
  private static Breakage b(Kind kind, int n) {
    return new Breakage(
        kind.id() + ":" + n,
        kind,
        "d",
        "refactor: x",
        Map.of("A.java", "class A {}"),
        Set.of(),
        new Expectation.None("none"));
  }

  private static List<Breakage> of(Kind kind, int n) {
    List<Breakage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(b(kind, i));
    }
    return out;
  }

  @Test
  void aKindWithFewPlacesLeavesItsShareToTheOthers() {
    List<Breakage> sample = new ArrayList<>(of(Kind.DROP_IMPORT, 5));
    sample.addAll(of(Kind.REMOVE_DEPENDENCY, 1));
    sample.addAll(of(Kind.RENAME_METHOD, 5));
    List<Breakage> seven = Drill.spread(sample, 7);
    assertThat(seven).hasSize(7);
    assertThat(seven.stream().map(Breakage::id))
        .containsExactly(
            "drop-import:0",
            "drop-import:1",
            "drop-import:2",
            "remove-dependency:0",
            "rename-method:0",
            "rename-method:1",
            "rename-method:2");
    assertThat(Drill.spread(sample, 40)).isEqualTo(sample);
    assertThat(Drill.spread(sample, 2).stream().map(Breakage::id))
        .containsExactly("drop-import:0", "remove-dependency:0");
  }
}
