package dev.selfheal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Maven builds of the demo project, broken in different ways. */
class DetectorMavenIT {
  @TempDir Path repo;
  @TempDir Path out;

  private Detection detect() throws Exception {
    return new Detector(CommandRunner.system())
        .detect(
            new DetectRequest(
                repo, "mvn -B verify", null, Duration.ofMinutes(5), out.resolve("run.log")));
  }

  @Test
  void compileErrorNamedExactly() throws Exception {
    Projects.copy("demo-shop", repo);
    Detection d = detect();
    assertThat(d.passed()).isFalse();
    assertThat(d.failures())
        .extracting(Failure::kind, Failure::file, Failure::line, Failure::column, Failure::message)
        .containsExactly(
            tuple(
                FailureKind.COMPILE_ERROR,
                "src/main/java/com/example/shop/Cart.java",
                7,
                17,
                "cannot find symbol: class List"));
  }

  @Test
  void failingTestFromFreshReportsOnlyAndPassingTestsAreNotFailures() throws Exception {
    Projects.copy("demo-shop", repo);
    Projects.write(
        repo,
        "src/main/java/com/example/shop/Cart.java",
        Files.readString(repo.resolve("src/main/java/com/example/shop/Cart.java"))
            .replace(
                "import java.util.ArrayList;",
                "import java.util.ArrayList;\nimport java.util.List;")
            .replace("mapToLong(Item::totalCents).sum()", "mapToLong(Item::totalCents).sum() + 1"));
    // a stale report from an earlier run must not count
    Projects.write(
        repo,
        "target/surefire-reports/TEST-com.example.shop.OldTest.xml",
        "<testsuite><testcase classname=\"com.example.shop.OldTest\" name=\"stale\"><failure message=\"old\"/></testcase></testsuite>");
    Files.setLastModifiedTime(
        repo.resolve("target/surefire-reports/TEST-com.example.shop.OldTest.xml"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    Detection d = detect();
    assertThat(d.failures())
        .extracting(Failure::test, Failure::file, Failure::line)
        .containsExactlyInAnyOrder(
            tuple(
                "com.example.shop.CartTest#totalIsTheSumOfTheLines",
                "src/test/java/com/example/shop/CartTest.java",
                11),
            tuple(
                "com.example.shop.CartTest#emptyCartCostsNothing",
                "src/test/java/com/example/shop/CartTest.java",
                16));
    assertThat(d.outcomes())
        .extracting(TestOutcome::id)
        .doesNotContain("com.example.shop.OldTest#stale")
        .hasSize(2);
    assertThat(d.failures().get(0).details().expected()).isNotNull();
  }

  @Test
  void passingBuild() throws Exception {
    Projects.copy("demo-shop", repo);
    Projects.write(
        repo,
        "src/main/java/com/example/shop/Cart.java",
        Files.readString(repo.resolve("src/main/java/com/example/shop/Cart.java"))
            .replace(
                "import java.util.ArrayList;",
                "import java.util.ArrayList;\nimport java.util.List;"));
    Detection d = detect();
    assertThat(d.passed()).isTrue();
    assertThat(d.failures()).isEmpty();
    assertThat(d.outcomes()).hasSize(2).allMatch(o -> o.result() == TestOutcome.Result.PASSED);
    assertThat(d.notices()).isEmpty();
  }

  @Test
  void noTestRunAlthoughTestsExistIsSaidPlainly() throws Exception {
    Projects.copy("demo-shop", repo);
    Projects.write(
        repo,
        "src/main/java/com/example/shop/Cart.java",
        Files.readString(repo.resolve("src/main/java/com/example/shop/Cart.java"))
            .replace(
                "import java.util.ArrayList;",
                "import java.util.ArrayList;\nimport java.util.List;"));
    Projects.write(
        repo,
        "pom.xml",
        Files.readString(repo.resolve("pom.xml"))
            .replace("<version>3.5.6</version>", "<version>2.12.4</version>"));
    Detection d = detect();
    assertThat(d.passed()).isTrue();
    assertThat(d.notices())
        .singleElement()
        .asString()
        .contains("no test executed")
        .contains("Surefire");
  }
}
