package dev.selfheal.localize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfheal.vcs.BreakingChange;
import dev.selfheal.vcs.ChangeHunks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The ranking's arithmetic, the breaking change's hunks, and surefire's recorded reports. */
class LocalizeUnitsTest {
  @Test
  void spectrumFormulas() {
    Spectrum onlyFailing = new Spectrum(1, 0, 1, 10);
    assertThat(onlyFailing.ochiai()).isEqualTo(1.0);
    assertThat(onlyFailing.tarantula()).isEqualTo(1.0);
    Spectrum shared = new Spectrum(1, 4, 1, 10);
    assertThat(shared.ochiai()).isCloseTo(1 / Math.sqrt(5), Offset.offset(1e-12));
    assertThat(shared.dstar()).isEqualTo(0.25);
    assertThat(shared.tarantula()).isCloseTo(1 / 1.4, Offset.offset(1e-12));
    assertThat(new Spectrum(0, 3, 2, 10).ochiai()).isZero();
    assertThatThrownBy(() -> new Spectrum(2, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hunksSayWhichLinesTheChangeWroteAndWhatStoodThere() {
    var change = new BreakingChange.FileChange("A.java", "a\nb\nc\nguard\nd\n", "a\nB\nc\nd\n");
    ChangeHunks h = ChangeHunks.of(change);
    assertThat(h.touches(2)).isTrue();
    assertThat(h.at(2).orElseThrow().before()).containsExactly("b");
    assertThat(h.touches(1)).isFalse();
    // the removed guard sat before line 4 (d): lines 3 and 4 border it
    assertThat(h.at(4).orElseThrow().before()).containsExactly("guard");
    assertThat(h.touches(3)).isTrue();
    assertThat(ChangeHunks.of(new BreakingChange.FileChange("N.java", null, "x")).hunks())
        .isEmpty();
  }

  @Test
  void aRecordedSurefireReportGivesTheTestClassPathAndTheJvm() throws Exception {
    String xml =
        Files.readString(
            Path.of("src/test/resources/fixtures/surefire/TEST-com.acme.shop.PricingTest.xml"));
    SurefireRun run = SurefireRun.parse(xml).orElseThrow();
    assertThat(run.classpath().get(0)).isEqualTo(Path.of("/work/ws/tree/target/test-classes"));
    assertThat(run.classpath().get(1)).isEqualTo(Path.of("/work/ws/tree/target/classes"));
    assertThat(run.classpath())
        .anyMatch(p -> p.getFileName().toString().startsWith("junit-jupiter-api-"));
    assertThat(run.javaHome()).isPresent();
    assertThat(run.properties()).as("only what the project's configuration added").isEmpty();
    assertThat(SurefireRun.parse("<testsuite><properties/></testsuite>")).isEmpty();
    assertThat(
            SurefireRun.parse(
                    "<properties><property name=\"surefire.test.class.path\" value=\"/a&amp;b:/c\"/>"
                        + "<property name=\"db.url\" value=\"jdbc:h2:mem\"/></properties>")
                .orElseThrow())
        .satisfies(
            r -> {
              assertThat(r.classpath()).containsExactly(Path.of("/a&b"), Path.of("/c"));
              assertThat(r.properties()).containsEntry("db.url", "jdbc:h2:mem");
            });
  }

  @Test
  void testIdsLoseTheirParameters() {
    assertThat(TestIds.normal("a.B#c(int)[2]")).isEqualTo("a.B#c");
    assertThat(TestIds.normal("a.B#c()")).isEqualTo("a.B#c");
    assertThat(TestIds.isJava("tests/test_x.py::test_y")).isFalse();
    assertThat(TestIds.isJava("a.B$Inner#c")).isTrue();
  }

  @Test
  void theAgentRecordsTheProjectsPackagesOnly(@org.junit.jupiter.api.io.TempDir Path classes)
      throws Exception {
    for (String f :
        List.of("com/acme/A.class", "com/acme/sub/B.class", "org/x/C.class", "Top$1.class")) {
      Files.createDirectories(classes.resolve(f).getParent());
      Files.write(classes.resolve(f), new byte[0]);
    }
    assertThat(ProjectSources.packages(List.of(classes)))
        .containsExactly("Top*", "com.acme.*", "org.x.*");
  }
}
