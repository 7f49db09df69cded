package dev.selfheal.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfheal.config.LlmProvider;
import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.redact.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmUnitsTest {
  private static SelfhealConfig.Llm cfg(LlmProvider p, String model) {
    return new SelfhealConfig.Llm(p, model, 4096, 1.0, true);
  }

  @Test
  void theProviderComesFromTheEnvironment() {
    var none = LlmSettings.resolve(cfg(LlmProvider.AUTO, null), Map.of(), false);
    assertThat(none.settings()).isEmpty();
    assertThat(none.reason()).contains("no ANTHROPIC_API_KEY, OPENAI_API_KEY or OPENAI_BASE_URL");

    var a =
        LlmSettings.resolve(
            cfg(LlmProvider.AUTO, null),
            Map.of("ANTHROPIC_API_KEY", "k", "OPENAI_API_KEY", "o"),
            false);
    assertThat(a.settings().orElseThrow().kind()).isEqualTo(LlmSettings.Kind.ANTHROPIC);
    assertThat(a.settings().get().baseUrl()).isEqualTo("https://api.anthropic.com/v1/");
    assertThat(a.settings().get().model()).isEqualTo(LlmSettings.ANTHROPIC_DEFAULT_MODEL);
    assertThat(a.settings().get().toString()).doesNotContain("k]");

    var proxy =
        LlmSettings.resolve(
            cfg(LlmProvider.AUTO, "claude-x"),
            Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", "http://127.0.0.1:9/"),
            false);
    assertThat(proxy.settings().orElseThrow().baseUrl()).isEqualTo("http://127.0.0.1:9/v1/");
    // A gateway speaks Anthropic's API: Anthropic's default model, no llm.model needed.
    var gateway =
        LlmSettings.resolve(
            cfg(LlmProvider.AUTO, null),
            Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", "https://gateway.acme.example"),
            false);
    assertThat(gateway.settings().orElseThrow().model())
        .isEqualTo(LlmSettings.ANTHROPIC_DEFAULT_MODEL);

    var local =
        LlmSettings.resolve(
            cfg(LlmProvider.AUTO, null),
            Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1"),
            false);
    assertThat(local.settings()).isEmpty();
    assertThat(local.reason()).contains("llm.model is required");
    var localModel =
        LlmSettings.resolve(
            cfg(LlmProvider.AUTO, "llama3"),
            Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1/"),
            false);
    assertThat(localModel.settings().orElseThrow().baseUrl())
        .isEqualTo("http://localhost:11434/v1");
    assertThat(localModel.settings().get().kind()).isEqualTo(LlmSettings.Kind.OPENAI);
    assertThat(localModel.settings().get().officialOpenAi())
        .as("a local server takes max_tokens")
        .isFalse();
    assertThat(
            LlmSettings.resolve(cfg(LlmProvider.AUTO, null), Map.of("OPENAI_API_KEY", "o"), false)
                .settings()
                .orElseThrow()
                .officialOpenAi())
        .as("OpenAI's newer models take max_completion_tokens")
        .isTrue();

    assertThat(
            LlmSettings.resolve(cfg(LlmProvider.AUTO, null), Map.of("ANTHROPIC_API_KEY", "k"), true)
                .reason())
        .contains("--no-llm");
    assertThat(
            LlmSettings.resolve(
                    cfg(LlmProvider.NONE, null), Map.of("ANTHROPIC_API_KEY", "k"), false)
                .settings())
        .isEmpty();
    assertThat(
            LlmSettings.resolve(
                    cfg(LlmProvider.ANTHROPIC, null), Map.of("OPENAI_API_KEY", "o"), false)
                .reason())
        .contains("ANTHROPIC_API_KEY is not set");
  }

  @Test
  void answersAreReadThroughProseAndFences() throws Exception {
    var d =
        Answers.diagnosis(
            "Sure.\n```json\n{\"root_cause\":\"x\",\"failure_type\":\"test_failure\",\"affected_files\":[\"a\"],\"confidence\":0.8,\"reasoning\":\"r\"}\n```\nHope it helps");
    assertThat(d.rootCause()).isEqualTo("x");
    assertThat(d.affectedFiles()).containsExactly("a");
    var edits =
        Answers.edits("The fix: [{\"file\":\"a\",\"old_text\":\"x\",\"new_text\":\"y\"}] done.");
    assertThat(edits).containsExactly(new Answers.EditAnswer("a", "x", "y"));
    assertThatThrownBy(
            () ->
                Answers.diagnosis(
                    "{\"root_cause\":\"x\",\"failure_type\":\"t\",\"confidence\":\"high\"}"))
        .hasMessageContaining("\"confidence\" must be a number");
    assertThatThrownBy(
            () -> Answers.edits("[{\"file\":\"a\",\"old_text\":\"\",\"new_text\":\"y\"}]"))
        .hasMessageContaining("old_text");
    assertThatThrownBy(() -> Answers.edits("no idea")).hasMessageContaining("no JSON array");
  }

  /** Replies in order; records what it was asked. */
  static final class Scripted implements ChatClient {
    final Deque<Object> replies = new ArrayDeque<>();
    final List<Request> asked = new ArrayList<>();

    Scripted then(Object replyOrFault) {
      replies.add(replyOrFault);
      return this;
    }

    @Override
    public Reply complete(Request r) throws LlmException {
      asked.add(r);
      Object next = replies.poll();
      if (next instanceof LlmException e) {
        throw e;
      }
      return next instanceof Reply rep ? rep : new Reply((String) next, 100, 10, false);
    }

    @Override
    public String model() {
      return "claude-sonnet-4-5";
    }

    @Override
    public String provider() {
      return "anthropic";
    }
  }

  @Test
  void retriableFaultsAreRetriedWithGrowingPausesThenGivenUp() throws Exception {
    List<Duration> pauses = new ArrayList<>();
    Scripted s = new Scripted().then(new LlmException("429", true)).then("ok");
    assertThat(
            new RetryingClient(s, 3, Duration.ofSeconds(1), pauses::add)
                .complete(new ChatClient.Request("s", "u"))
                .text())
        .isEqualTo("ok");
    Scripted down =
        new Scripted()
            .then(new LlmException("503", true))
            .then(new LlmException("503", true))
            .then(new LlmException("503", true));
    assertThatThrownBy(
            () ->
                new RetryingClient(down, 3, Duration.ofSeconds(1), pauses::add)
                    .complete(new ChatClient.Request("s", "u")))
        .hasMessageContaining("gave up after 3 attempts");
    assertThat(pauses)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
    Scripted auth = new Scripted().then(new LlmException("bad key", false));
    assertThatThrownBy(
            () ->
                new RetryingClient(auth, 3, Duration.ZERO, d -> {})
                    .complete(new ChatClient.Request("s", "u")))
        .hasMessage("bad key");
    assertThat(auth.asked).hasSize(1);
  }

  @Test
  void aSessionRedactsReAsksOnceAndKeepsToItsBudget() throws Exception {
    Redactor redactor = new Redactor(Map.of("DEPLOY_TOKEN", "tok-123456789abcdef"));
    Scripted s =
        new Scripted()
            .then(new ChatClient.Reply("{\"root_cause\":", 10, 4096, true))
            .then(
                "{\"root_cause\":\"r\",\"failure_type\":\"build_error\",\"confidence\":0.5,\"reasoning\":\"x\"}");
    LlmSession session = new LlmSession(s, redactor, 1.0);
    var ctx =
        new Prompts.Context(
            "- build_error: deploy with tok-123456789abcdef failed", Map.of(), "", "", null);
    assertThat(session.diagnose(ctx).rootCause()).isEqualTo("r");
    assertThat(s.asked).hasSize(2);
    assertThat(s.asked.get(0).user()).doesNotContain("tok-123456789abcdef");
    assertThat(s.asked.get(1).user()).contains("cut at the output limit");
    assertThat(session.usage().calls()).isEqualTo(2);

    Scripted pricey = new Scripted().then(new ChatClient.Reply("nope", 400_000, 10, false));
    LlmSession small = new LlmSession(pricey, redactor, 1.0);
    assertThatThrownBy(() -> small.diagnose(ctx)).hasMessageContaining("budget is spent");
  }

  @Test
  void recordedRepliesReplayAndAMissIsSaidNeverInvented(@TempDir Path dir) throws Exception {
    ChatClient.Request q = new ChatClient.Request("sys", "user");
    ChatClient rec = Cassettes.recording(new Scripted().then("answer"), dir);
    rec.complete(q);
    ChatClient replay = Cassettes.replaying(dir, "m", "anthropic");
    assertThat(replay.complete(q).text()).isEqualTo("answer");
    assertThat(replay.complete(q).inputTokens()).isEqualTo(100);
    assertThatThrownBy(() -> replay.complete(new ChatClient.Request("sys", "other")))
        .isInstanceOf(LlmException.class)
        .hasMessageContaining("no recording for this request");
  }

  @Test
  void pricesByModelFamily() {
    assertThat(Pricing.of("claude-sonnet-4-5-20250929").orElseThrow().cost(1_000_000, 0))
        .isEqualTo(3.0);
    assertThat(Pricing.of("gpt-4.1-mini").orElseThrow().inputPerMillion()).isEqualTo(0.4);
    assertThat(Pricing.of("llama3")).isEmpty();
  }

  @Test
  void aRecordingIsFoundAgainWhenOnlyTheRunsTimingsDiffer() {
    ChatClient.Request a =
        new ChatClient.Request(
            "sys",
            "log:\n  # duration_ms 122.242934\n  Tests run: 2, Time elapsed: 0.034 s\n"
                + "  1 failed in 0.12s\n  total (5 ms)\n  Finished at: 2026-12-02T01:38:41Z\n"
                + "  return price * 0.5;");
    ChatClient.Request b =
        new ChatClient.Request(
            "sys",
            "log:\n  # duration_ms 95.862077\n  Tests run: 2, Time elapsed: 1.2 s\n"
                + "  1 failed in 3.40s\n  total (12 ms)\n  Finished at: 2026-12-03T10:00:00Z\n"
                + "  return price * 0.5;");
    ChatClient.Request otherLiteral =
        new ChatClient.Request("sys", b.user().replace("price * 0.5", "price * 0.6"));
    ChatClient.Request otherCount =
        new ChatClient.Request("sys", b.user().replace("Tests run: 2", "Tests run: 3"));
    assertThat(Cassettes.key(a)).isEqualTo(Cassettes.key(b));
    assertThat(Cassettes.key(otherLiteral)).isNotEqualTo(Cassettes.key(b));
    assertThat(Cassettes.key(otherCount)).isNotEqualTo(Cassettes.key(b));
  }

  @Test
  void aReplayNamesTheModelTheRecordingWasMadeWith(@TempDir Path dir) throws Exception {
    ChatClient live = new Scripted().then("{}");
    ChatClient.Request q = new ChatClient.Request("sys", "question");
    Cassettes.recording(live, dir).complete(q);
    ChatClient replay = Cassettes.replaying(dir, "replay", "replay");
    assertThat(replay.model()).isEqualTo("replay");
    replay.complete(q);
    assertThat(replay.model()).isEqualTo("claude-sonnet-4-5");
    assertThat(replay.provider()).isEqualTo("anthropic");
    ChatClient again = Cassettes.replaying(dir, "replay", "replay");
    LlmSession s = new LlmSession(again, new Redactor(Map.of()), 1.0);
    assertThat(s.usage().costUsd()).isEmpty(); // nothing replayed yet: no model, no price
    s.usage().add("x", again.complete(q));
    assertThat(s.usage().costUsd()).isPresent(); // priced as the recorded model, not "replay"
  }
}
