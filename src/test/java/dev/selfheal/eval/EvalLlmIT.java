package dev.selfheal.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.selfheal.cli.CliRun;
import dev.selfheal.pipeline.Json;
import dev.selfheal.testing.LlmReplies;
import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eval with the LLM tier live, against a loopback server speaking OpenAI's chat-completions
 * format to the real client: a logic bug the recipes decline is healed by the model and graded
 * against the case's outcome with a model, the judge scores the fixes, and the replies recorded on
 * the way replay offline to the same scorecard with no miss.
 */
class EvalLlmIT {
  private static final String MODEL = "judge-and-fixer";
  private static final String CART = "src/main/java/com/example/shop/Cart.java";

  @TempDir Path tmp;
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Path miniGoldenSet() throws Exception {
    Path golden = tmp.resolve("golden");
    Projects.copyTree(Path.of("golden/bases/shop"), golden.resolve("bases/shop"));
    Projects.copyTree(Path.of("golden/bases/javac-tally"), golden.resolve("bases/javac-tally"));
    Projects.copyTree(
        Path.of("golden/cases/shop-logic-bug"), golden.resolve("cases/shop-logic-bug"));
    // With the logic tier off (the config below), the recipes rightly decline this bug and a model
    // should heal it: what this test follows through recording, judging and replay.
    Files.writeString(
        golden.resolve("cases/shop-logic-bug/case.yml"),
        """
        base: ../../bases/shop
        category: test_failure
        tool: maven
        difficulty: hard
        expected: not_healed
        expected_with_llm: healed
        message: "perf: compute the discount in one expression"
        allowed_files: [src/main/java/com/example/shop/Cart.java]
        mentions: ["discount"]
        """);
    Projects.copyTree(
        Path.of("golden/cases/javac-missing-import"), golden.resolve("cases/javac-missing-import"));
    Files.createDirectories(golden.resolve("cassettes"));
    return golden;
  }

  private CliRun eval(Map<String, String> env, Path golden, Path config, String report) {
    return CliRun.run(
        env,
        tmp.resolve("state"),
        "eval",
        "--golden",
        golden.toString(),
        "--config",
        config.toString(),
        "--report",
        tmp.resolve(report).toString());
  }

  @Test
  void aModelHealsTheLogicBugTheJudgeScoresAndTheRecordingReplaysOffline() throws Exception {
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("Diagnose the root cause"))
            .willReturn(
                okJson(
                    LlmReplies.openAi(
                        "{\"root_cause\": \"the discount is applied twice in Cart\","
                            + " \"failure_type\": \"test_failure\", \"affected_files\": [\""
                            + CART
                            + "\"], \"confidence\": 0.9, \"reasoning\": \"the change multiplies"
                            + " by (100 - percent) / 100 a second time\"}",
                        MODEL))));
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("Propose the smallest fix"))
            .willReturn(
                okJson(
                    LlmReplies.openAi(
                        "[{\"file\": \""
                            + CART
                            + "\", \"old_text\": \"return totalCents() * (100 - percent) / 100 *"
                            + " (100 - percent) / 100;\", \"new_text\": \"return totalCents() *"
                            + " (100 - percent) / 100;\"}]",
                        MODEL))));
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("You review an automatic fix"))
            .willReturn(
                okJson(
                    LlmReplies.openAi(
                        "{\"right_fix\": true, \"score\": 0.8, \"reason\": \"restores the"
                            + " intended single discount\"}",
                        MODEL))));
    Path golden = miniGoldenSet();
    Path config = tmp.resolve("selfheal.yml");
    Files.writeString(config, "llm:\n  model: " + MODEL + "\nrepair:\n  logic: false\n");
    Map<String, String> live = new HashMap<>();
    live.put("OPENAI_BASE_URL", server.baseUrl() + "/v1");
    live.put("OPENAI_API_KEY", null);
    live.put("ANTHROPIC_API_KEY", null);
    live.put("SELFHEAL_LLM_CASSETTES", null);
    live.put("SELFHEAL_LLM_CASSETTE_MODE", "record");

    CliRun r = eval(live, golden, config, "live");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("LLM tier live, recording to " + golden.resolve("cassettes"));
    JsonNode s = Json.mapper().readTree(Files.readString(tmp.resolve("live/scorecard.json")));
    assertThat(s.path("score").asDouble()).isEqualTo(100.0);
    assertThat(s.path("llm").path("mode").asText()).isEqualTo("live");
    assertThat(s.path("graders").path("judge").asText()).isEqualTo("ran");
    assertThat(s.path("judge_score").asDouble()).isEqualTo(80.0);
    JsonNode bug = result(s, "hand/shop-logic-bug");
    assertThat(bug.path("status").asText()).isEqualTo("healed");
    assertThat(bug.path("graders").path("judge").path("passed").asBoolean()).isTrue();
    assertThat(bug.path("cost_usd").asDouble()).isZero(); // no price is known for this model
    // The recipe's fix is judged too; the model was asked for the logic bug only.
    assertThat(
            result(s, "hand/javac-missing-import")
                .path("graders")
                .path("judge")
                .path("ran")
                .asBoolean())
        .isTrue();
    assertThat(
            server.findAll(
                postRequestedFor(urlEqualTo("/v1/chat/completions"))
                    .withRequestBody(containing("You review an automatic fix"))))
        .hasSize(2);
    long recorded;
    try (var files = Files.list(golden.resolve("cassettes"))) {
      recorded = files.filter(f -> f.toString().endsWith(".json")).count();
    }
    assertThat(recorded).isEqualTo(4); // diagnosis, fix, two verdicts

    // Offline: no server, no provider; the same scorecard from the recordings, nothing missed.
    server.stop();
    Map<String, String> offline = new HashMap<>(live);
    offline.put("OPENAI_BASE_URL", null);
    offline.put("SELFHEAL_LLM_CASSETTE_MODE", null);
    CliRun replay = eval(offline, golden, config, "replay");
    assertThat(replay.exit()).as(replay.err()).isZero();
    JsonNode again = Json.mapper().readTree(Files.readString(tmp.resolve("replay/scorecard.json")));
    assertThat(again.path("llm").path("mode").asText()).isEqualTo("replay");
    assertThat(again.path("llm").path("misses").asInt()).as(again.toPrettyString()).isZero();
    assertThat(again.path("llm").path("judge_misses").asInt()).isZero();
    assertThat(again.path("score").asDouble()).isEqualTo(100.0);
    assertThat(again.path("judge_score").asDouble()).isEqualTo(80.0);
    assertThat(result(again, "hand/shop-logic-bug").path("status").asText()).isEqualTo("healed");

    // Without the recordings, the recipes alone rightly decline the logic bug: still a pass.
    try (var files = Files.list(golden.resolve("cassettes"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    CliRun bare = eval(offline, golden, config, "bare");
    assertThat(bare.exit()).as(bare.err()).isZero();
    JsonNode none = Json.mapper().readTree(Files.readString(tmp.resolve("bare/scorecard.json")));
    assertThat(result(none, "hand/shop-logic-bug").path("status").asText()).isEqualTo("not_healed");
    assertThat(none.path("score").asDouble()).isEqualTo(100.0);
    // Missed, and counted: the logic bug's diagnosis (no fix is asked without one) and the verdict
    // on the recipe's fix.
    assertThat(none.path("llm").path("misses").asInt()).isEqualTo(1);
    assertThat(none.path("llm").path("judge_misses").asInt()).isEqualTo(1);
    assertThat(bare.err())
        .contains("LLM replay, 1 request(s) and 1 verdict(s) without a recording");
  }

  private static JsonNode result(JsonNode scorecard, String id) {
    for (JsonNode r : scorecard.path("results")) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + id);
  }
}
