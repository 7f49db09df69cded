package dev.selfheal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.StackFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pytest 9, Python, TypeScript 5, ESLint 9 and Jest 29 output, recorded on this machine. */
class ScriptParsersTest {
  @TempDir Path repo;

  @Test
  void pytestFailuresWithLocationsAndValues() {
    Fixtures.layout(repo, "calc/__init__.py", "tests/__init__.py", "tests/test_calc.py");
    List<Failure> f = Fixtures.scan("python/pytest-failures.log", repo, "/tmp/fx/py");
    assertThat(f)
        .extracting(Failure::test, Failure::file, Failure::line, Failure::message)
        .containsExactly(
            tuple("tests/test_calc.py::test_add", "tests/test_calc.py", 5, "assert -1 == 5"),
            tuple(
                "tests/test_calc.py::test_ratio_zero",
                "tests/test_calc.py",
                9,
                "ZeroDivisionError: division by zero"));
    assertThat(f.get(0).details().expected()).isEqualTo("5");
    assertThat(f.get(0).details().actual()).isEqualTo("-1");
    assertThat(f.get(1).details().exceptionType()).isEqualTo("ZeroDivisionError");
    assertThat(f.get(1).details().frames())
        .extracting(fr -> fr.file() + ":" + fr.line())
        .contains("tests/test_calc.py:9", "calc/__init__.py:6");
  }

  @Test
  void quietPytestWithoutASessionHeaderIsStillPytest() {
    Fixtures.layout(repo, "calc.py", "test_calc.py");
    List<Failure> f = Fixtures.scan("python/pytest-quiet.log", repo, "/tmp/pq");
    assertThat(f)
        .extracting(Failure::test, Failure::file, Failure::line, Failure::message)
        .containsExactly(tuple("test_calc.py::test_mean", "test_calc.py", 9, "assert 3 == 2"));
  }

  @Test
  void pytestCollectionErrorIsACompileErrorOfTheModule() {
    Fixtures.layout(repo, "calc/__init__.py", "tests/test_broken_import.py");
    assertThat(Fixtures.scan("python/pytest-collect-error.log", repo, "/tmp/fx/py"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(FailureKind.COMPILE_ERROR);
              assertThat(x.file()).isEqualTo("tests/test_broken_import.py");
              assertThat(x.line()).isEqualTo(1);
              assertThat(x.message())
                  .startsWith("ImportError: cannot import name 'multiply' from 'calc'");
            });
  }

  @Test
  void pytestJunitXmlMatchesTheConsole() throws Exception {
    Fixtures.layout(repo, "calc/__init__.py", "tests/__init__.py", "tests/test_calc.py");
    JUnitXmlReport.Result r =
        JUnitXmlReport.read(
            Fixtures.path("python/pytest-junit.xml"),
            new ParseContext(new PathResolver(new RepoFiles(repo))));
    List<Failure> console = Fixtures.scan("python/pytest-failures.log", repo, "/tmp/fx/py");
    assertThat(r.failures())
        .extracting(Failure::test, Failure::line, Failure::fingerprint)
        .containsExactly(
            tuple("tests/test_calc.py::test_add", 5, console.get(0).fingerprint()),
            tuple("tests/test_calc.py::test_ratio_zero", 9, console.get(1).fingerprint()));
    assertThat(r.outcomes()).hasSize(3);
  }

  @Test
  void pythonTracebackPointsAtTheInnermostProjectFrame() {
    Fixtures.layout(repo, "tb.py");
    assertThat(Fixtures.scan("python/traceback.log", repo, "/tmp/fx"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(FailureKind.BUILD_ERROR);
              assertThat(x.file()).isEqualTo("tb.py");
              assertThat(x.line()).isEqualTo(2);
              assertThat(x.message()).isEqualTo("NameError: name 'y' is not defined");
            });
  }

  @Test
  void tscPlainAndPretty() {
    Fixtures.layout(repo, "src/app.ts", "tsconfig.json");
    for (String log : List.of("node/tsc.log", "node/tsc-pretty.log")) {
      assertThat(Fixtures.scan(log, repo, null))
          .extracting(Failure::file, Failure::line, Failure::column, Failure::message)
          .containsExactly(
              tuple(
                  "src/app.ts", 2, 9, "TS2322: Type 'number' is not assignable to type 'string'."),
              tuple("src/app.ts", 3, 42, "TS2304: Cannot find name 'missing'."));
    }
  }

  @Test
  void eslintStylishAndUnixAgree() {
    Fixtures.layout(repo, "src/util.js", "package.json");
    List<Failure> stylish = Fixtures.scan("node/eslint-stylish.log", repo, "/tmp/fx/node");
    List<Failure> unix = Fixtures.scan("node/eslint-unix.log", repo, "/tmp/fx/node");
    assertThat(stylish)
        .extracting(Failure::file, Failure::line, Failure::column, Failure::message)
        .containsExactly(
            tuple(
                "src/util.js", 1, 7, "no-unused-vars: 'unused' is assigned a value but never used"),
            tuple("src/util.js", 3, 10, "no-undef: 'undefinedThing' is not defined"));
    assertThat(unix)
        .extracting(Failure::fingerprint)
        .isEqualTo(stylish.stream().map(Failure::fingerprint).toList());
  }

  @Test
  void jestConsoleAndJunitXmlAgree() throws Exception {
    Fixtures.layout(repo, "src/sum.js", "src/sum.test.js", "package.json");
    List<Failure> console = Fixtures.scan("node/jest.log", repo, "/tmp/fx/node");
    assertThat(console)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.test()).isEqualTo("src/sum.test.js::sum adds two numbers");
              assertThat(x.line()).isEqualTo(4);
              assertThat(x.details().expected()).isEqualTo("3");
              assertThat(x.details().actual()).isEqualTo("4");
            });
    String xml =
        java.nio.file.Files.readString(Fixtures.path("node/jest-junit.xml"))
            .replace("/tmp/fx/node", repo.toString());
    Path copy = repo.resolve("junit.xml");
    java.nio.file.Files.writeString(copy, xml);
    JUnitXmlReport.Result r =
        JUnitXmlReport.read(copy, new ParseContext(new PathResolver(new RepoFiles(repo))));
    assertThat(r.failures())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.test()).isEqualTo(console.get(0).test());
              assertThat(x.fingerprint()).isEqualTo(console.get(0).fingerprint());
              assertThat(x.line()).isEqualTo(4);
            });
  }

  @Test
  void nodesOwnTestRunnerNamesEachFailedTestWhereItFailedAndLeavesTheSuiteOut() {
    Fixtures.layout(repo, "sum.js", "test/sum.test.js", "test/mean.test.js", "package.json");
    List<Failure> f = Fixtures.scan("node/node-test.log", repo, "/tmp/fx/nodetest");
    assertThat(f)
        .extracting(Failure::test)
        .containsExactly(
            "test/mean.test.js::mean of one value is that value",
            "test/mean.test.js::mean throws on nothing",
            "test/sum.test.js::sums a list",
            "test/sum.test.js::empty list sums to zero");
    assertThat(f).allSatisfy(x -> assertThat(x.kind()).isEqualTo(FailureKind.TEST_FAILURE));
    Failure sums = f.get(2);
    assertThat(sums.file()).isEqualTo("test/sum.test.js");
    assertThat(sums.line()).isEqualTo(6); // the assertion, not the test's first line
    assertThat(sums.message())
        .isEqualTo("AssertionError: Expected values to be strictly equal: 4 !== 3");
    assertThat(sums.details().expected()).isEqualTo("3");
    assertThat(sums.details().actual()).isEqualTo("4");
    assertThat(sums.details().tool()).isEqualTo("node-test");
    Failure deep = f.get(0);
    assertThat(deep.details().expected()).isEqualTo("m: 4");
    assertThat(deep.details().actual()).isEqualTo("m: 5");
    assertThat(deep.line()).isEqualTo(7);
    Failure thrown = f.get(1);
    assertThat(thrown.message()).isEqualTo("TypeError: no values");
    assertThat(thrown.details().frames())
        .extracting(StackFrame::file)
        .containsOnly("test/mean.test.js");
  }

  @Test
  void nodesTestRunnerCountsEveryTestThatRanNotOnlyTheFailedOnes() throws Exception {
    Fixtures.layout(repo, "test/a.test.js", "package.json");
    String text =
        Files.readString(Fixtures.path("node/node-test-mixed.log"))
            .replace("/home/runner/work/app/app", repo.toString());
    LogScan.Result r =
        LogScan.scan(
            new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new PathResolver(new RepoFiles(repo)));
    assertThat(r.outcomes())
        .extracting(o -> o.id() + " " + o.result())
        .containsExactly(
            "adds PASSED", "suite inner ok PASSED", "suite inner bad FAILED", "skipped SKIPPED");
    assertThat(r.failures())
        .extracting(Failure::test)
        .containsExactly("test/a.test.js::suite inner bad");
  }

  @Test
  void aNodeTestFailureWithoutDetailsDoesNotSwallowTheNextTest() throws Exception {
    Fixtures.layout(repo, "test/a.test.js", "package.json");
    String tap =
        String.join(
            "\n",
            "TAP version 13",
            "not ok 1 - bare",
            "# Subtest: suite",
            "    # Subtest: inner",
            "    not ok 1 - inner",
            "      ---",
            "      location: '" + repo.resolve("test/a.test.js") + ":3:1'",
            "      failureType: 'testCodeFailure'",
            "      error: 'boom'",
            "      ...",
            "not ok 2 - cut off",
            "  ---",
            "  error: 'the log ends here'");
    List<Failure> f =
        Folding.fold(
            LogScan.scan(
                    new java.io.ByteArrayInputStream(
                        tap.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    new PathResolver(new RepoFiles(repo)))
                .failures());
    assertThat(f)
        .extracting(Failure::test)
        .containsExactly("bare", "test/a.test.js::suite inner", "cut off");
    assertThat(f.get(0).message()).isEqualTo("failed (no details in the TAP output)");
  }
}
