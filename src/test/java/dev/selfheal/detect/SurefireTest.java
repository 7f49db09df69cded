package dev.selfheal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.StackFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surefire 3.5.6 on a two-module project, console and XML, recorded on this machine. */
class SurefireTest {
  @TempDir Path repo;

  @BeforeEach
  void layout() {
    Fixtures.layout(
        repo,
        "pom.xml",
        "core/pom.xml",
        "api/pom.xml",
        "core/src/main/java/com/acme/core/Greeter.java",
        "core/src/test/java/com/acme/core/GreeterTest.java",
        "api/src/main/java/com/acme/api/Totals.java",
        "api/src/test/java/com/acme/api/TotalsTest.java");
  }

  @Test
  void consoleNamesEachFailedTestWithValuesAndProjectFrames() {
    List<Failure> f = Fixtures.scan("surefire/multimodule-console.log", repo, "/tmp/fx/mtest");
    assertThat(f)
        .extracting(Failure::test, Failure::file, Failure::line)
        .containsExactly(
            tuple(
                "com.acme.core.GreeterTest#greetsByName",
                "core/src/test/java/com/acme/core/GreeterTest.java",
                12),
            tuple(
                "com.acme.core.GreeterTest#lengthOfNull",
                "core/src/test/java/com/acme/core/GreeterTest.java",
                17),
            tuple(
                "com.acme.api.TotalsTest#doublesEach",
                "api/src/test/java/com/acme/api/TotalsTest.java",
                11),
            tuple(
                "com.acme.api.TotalsTest#sumMatches",
                "api/src/test/java/com/acme/api/TotalsTest.java",
                16));
    assertThat(f).allSatisfy(x -> assertThat(x.kind()).isEqualTo(FailureKind.TEST_FAILURE));
    assertThat(f.get(0).details().expected()).isEqualTo("Hello, Ada!");
    assertThat(f.get(0).details().actual()).isEqualTo("Hi, Ada!");
    assertThat(f.get(1).details().exceptionType()).isEqualTo("java.lang.NullPointerException");
    assertThat(f.get(1).details().frames())
        .containsExactly(
            new StackFrame(
                "core/src/main/java/com/acme/core/Greeter.java", 9, "com.acme.core.Greeter.length"),
            new StackFrame(
                "core/src/test/java/com/acme/core/GreeterTest.java",
                17,
                "com.acme.core.GreeterTest.lengthOfNull"));
    assertThat(f.get(3).details().expected()).isEqualTo("10");
    assertThat(f.get(3).details().actual()).isEqualTo("15");
    assertThat(f.get(2).message()).contains("Expecting actual:").contains("[3, 6]");
  }

  @Test
  void xmlReportsGiveFailuresAndEveryExecutedTest() throws IOException {
    Path reports = repo.resolve("core/target/surefire-reports");
    Files.createDirectories(reports);
    Files.copy(
        Fixtures.path("surefire/TEST-com.acme.core.GreeterTest.xml"),
        reports.resolve("TEST-com.acme.core.GreeterTest.xml"));
    JUnitXmlReport.Result r =
        JUnitXmlReport.read(
            reports.resolve("TEST-com.acme.core.GreeterTest.xml"),
            new ParseContext(new PathResolver(new RepoFiles(repo))));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.outcomes())
        .extracting(TestOutcome::id, TestOutcome::result)
        .containsExactlyInAnyOrder(
            tuple("com.acme.core.GreeterTest#greetsByName", TestOutcome.Result.FAILED),
            tuple("com.acme.core.GreeterTest#lengthOfNull", TestOutcome.Result.FAILED),
            tuple("com.acme.core.GreeterTest#lengthOfWord", TestOutcome.Result.PASSED));
    assertThat(r.failures())
        .extracting(Failure::test, Failure::line, Failure::fingerprint)
        .containsExactly(
            tuple(
                "com.acme.core.GreeterTest#greetsByName",
                12,
                Fixtures.scan("surefire/multimodule-console.log", repo, "/tmp/fx/mtest")
                    .get(0)
                    .fingerprint()),
            tuple(
                "com.acme.core.GreeterTest#lengthOfNull",
                17,
                Fixtures.scan("surefire/multimodule-console.log", repo, "/tmp/fx/mtest")
                    .get(1)
                    .fingerprint()));
  }

  @Test
  void aTruncatedReportKeepsWhatWasReadAndWarns() throws IOException {
    String xml = Files.readString(Fixtures.path("surefire/TEST-com.acme.api.TotalsTest.xml"));
    Path cut = repo.resolve("TEST-cut.xml");
    Files.writeString(
        cut, xml.substring(0, xml.indexOf("<testcase name=\"emptyStaysEmpty\"") + 20));
    JUnitXmlReport.Result r =
        JUnitXmlReport.read(cut, new ParseContext(new PathResolver(new RepoFiles(repo))));
    assertThat(r.failures()).hasSize(2);
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("malformed XML report")
        .contains("read 2 test cases");
  }

  @Test
  void garbageAndEntityTricksAreRefusedQuietly() throws IOException {
    Path evil = repo.resolve("TEST-evil.xml");
    Files.writeString(
        evil,
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<testsuite><testcase classname=\"a.B\" name=\"c\"><failure message=\"&e;\"/></testcase></testsuite>");
    JUnitXmlReport.Result r =
        JUnitXmlReport.read(evil, new ParseContext(new PathResolver(new RepoFiles(repo))));
    assertThat(r.failures()).allSatisfy(f -> assertThat(f.message()).doesNotContain("root:"));
    Path junk = repo.resolve("TEST-junk.xml");
    Files.write(junk, new byte[] {0, 1, 2, (byte) 0xff, '<', 'x'});
    assertThat(
            JUnitXmlReport.read(junk, new ParseContext(new PathResolver(new RepoFiles(repo))))
                .warnings())
        .hasSize(1);
  }

  @Test
  void surefire2ConsoleFormat() {
    Fixtures.layout(repo, "pom.xml", "src/test/java/com/example/shop/CartTest.java");
    List<Failure> f = Fixtures.scan("surefire/surefire-2.22-junit4.log", repo, "/tmp/s2");
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.test()).isEqualTo("com.example.shop.CartTest#totalIsTheSumOfTheLines");
              assertThat(x.file()).isEqualTo("src/test/java/com/example/shop/CartTest.java");
              assertThat(x.line()).isEqualTo(11);
              assertThat(x.details().exceptionType()).isEqualTo("java.lang.AssertionError");
              assertThat(x.details().expected()).isEqualTo("270");
              assertThat(x.details().actual()).isEqualTo("272");
            });
  }

  @Test
  void oldSurefireRunsNoJUnit5Test() {
    List<Failure> f = Fixtures.scan("maven/old-surefire-no-tests.log", repo, null);
    assertThat(f).isEmpty();
  }
}
