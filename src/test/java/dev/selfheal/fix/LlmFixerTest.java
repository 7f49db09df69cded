package dev.selfheal.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.llm.ChatClient;
import dev.selfheal.llm.LlmSession;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureDetails;
import dev.selfheal.model.FailureKind;
import dev.selfheal.redact.Redactor;
import dev.selfheal.testing.Projects;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmFixerTest {
  private static final String FILE = "src/main/java/A.java";
  private static final String DIAG =
      "{\"root_cause\":\"A.f returns 1\",\"failure_type\":\"test_failure\",\"affected_files\":[\""
          + FILE
          + "\"],\"confidence\":0.8,\"reasoning\":\"r\"}";

  @TempDir Path repo;

  static final class Script implements ChatClient {
    final Deque<String> replies = new ArrayDeque<>();
    final List<Request> asked = new ArrayList<>();

    Script(String... r) {
      replies.addAll(List.of(r));
    }

    @Override
    public Reply complete(Request r) {
      asked.add(r);
      return new Reply(replies.poll(), 10, 10, false);
    }

    @Override
    public String model() {
      return "m";
    }

    @Override
    public String provider() {
      return "anthropic";
    }
  }

  private final Failure failure =
      Failure.of(
          FailureKind.TEST_FAILURE,
          "src/test/java/ATest.java",
          3,
          null,
          "expected: <2> but was: <1>",
          "ATest#f",
          null,
          FailureDetails.tool("surefire").withValues("2", "1"));

  @Test
  void anEditThatMatchesNothingIsSentBackOnceWithTheReason() throws Exception {
    Projects.write(repo, FILE, "class A {\n  int f() {\n    return 1;\n  }\n}\n");
    Script s =
        new Script(
            DIAG,
            "[{\"file\":\"" + FILE + "\",\"old_text\":\"return 7;\",\"new_text\":\"return 2;\"}]",
            "[{\"file\":\"" + FILE + "\",\"old_text\":\"return  1;\",\"new_text\":\"return 2;\"}]");
    var r =
        new LlmFixer(new LlmSession(s, new Redactor(Map.of()), 1.0), true)
            .propose(List.of(failure), new FixContext(repo, new JdkTypes(null)), null);
    assertThat(r).isInstanceOf(LlmFixer.Result.Proposed.class);
    assertThat(((LlmFixer.Result.Proposed) r).fix().strategy()).isEqualTo("llm:m");
    assertThat(s.asked.get(2).user()).contains("old_text is not in the file");
  }

  @Test
  void aPlaceholderOrAFileOutsideTheRepositoryIsNeverWritten() throws Exception {
    Projects.write(repo, FILE, "class A {}\n");
    String bad =
        "[{\"file\":\""
            + FILE
            + "\",\"old_text\":\"class A {}\",\"new_text\":\"class A { String k = \\\"«REDACTED:SECRET:1»\\\"; }\"},"
            + "{\"file\":\"../outside.txt\",\"old_text\":\"a\",\"new_text\":\"b\"}]";
    Script s = new Script(DIAG, bad, bad);
    var r =
        new LlmFixer(new LlmSession(s, new Redactor(Map.of()), 1.0), true)
            .propose(List.of(failure), new FixContext(repo, new JdkTypes(null)), null);
    assertThat(r).isInstanceOf(LlmFixer.Result.Failed.class);
    assertThat(((LlmFixer.Result.Failed) r).reason()).contains("redacted placeholder");
  }

  @Test
  void aPathNoEditMayTakeIsLeftForTheGuardrailsToRefuseNotCorrected() throws Exception {
    Projects.write(repo, FILE, "class A {}\n");
    String escape = "[{\"file\":\"../outside.txt\",\"old_text\":\"a\",\"new_text\":\"b\"}]";
    var r =
        new LlmFixer(new LlmSession(new Script(DIAG, escape), new Redactor(Map.of()), 1.0), true)
            .propose(List.of(failure), new FixContext(repo, new JdkTypes(null)), null);
    assertThat(r).isInstanceOf(LlmFixer.Result.Proposed.class);
    var fix = ((LlmFixer.Result.Proposed) r).fix();
    assertThat(fix.edits())
        .singleElement()
        .satisfies(e -> assertThat(e.file()).isEqualTo("../outside.txt"));
    assertThat(
            dev.selfheal.guard.Guardrails.pathsOf(
                List.of(fix), dev.selfheal.config.SelfhealConfig.defaults().safety(), repo))
        .extracting(v -> v.rule())
        .containsExactly(dev.selfheal.guard.Violation.Rule.PATH_ESCAPE);
  }

  @Test
  void withoutSendingSourceOnlyLogsLeaveAndNoEditIsAskedFor() throws Exception {
    Projects.write(repo, FILE, "class A { int f() { return 1; } }\n");
    Projects.write(repo, "pom.xml", "<project/>\n");
    Script s = new Script(DIAG);
    var r =
        new LlmFixer(new LlmSession(s, new Redactor(Map.of()), 1.0), false)
            .propose(
                List.of(failure.withDetails(failure.details())),
                new FixContext(repo, new JdkTypes(null)),
                null);
    assertThat(r).isInstanceOf(LlmFixer.Result.DiagnosedOnly.class);
    assertThat(s.asked).hasSize(1);
    assertThat(s.asked.get(0).user())
        .doesNotContain("return 1")
        .doesNotContain("<project/>")
        .contains("expected: 2");
  }

  @Test
  void theWorkspacesFolderIsTakenOutOfThePathsLogsPrint(@org.junit.jupiter.api.io.TempDir Path ws) {
    String log =
        "  at TestContext.<anonymous> ("
            + ws
            + "/test/sum.test.js:10:10)\n  cwd: "
            + ws
            + "\n  other: "
            + ws
            + "-old/x\n";
    assertThat(LlmFixer.relative(log, ws))
        .isEqualTo(
            "  at TestContext.<anonymous> (test/sum.test.js:10:10)\n  cwd: .\n  other: "
                + ws
                + "-old/x\n");
  }
}
