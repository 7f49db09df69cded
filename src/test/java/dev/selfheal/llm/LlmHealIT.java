package dev.selfheal.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.fix.RecipeRunner;
import dev.selfheal.fix.recipes.Recipes;
import dev.selfheal.model.Status;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import dev.selfheal.pipeline.HealRequest;
import dev.selfheal.pipeline.Progress;
import dev.selfheal.redact.Redactor;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.LlmReplies;
import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM tier end to end: a real Maven project with a logic bug no recipe fits, healed through
 * loopback servers speaking Anthropic's Messages format and OpenAI's chat completions, with the
 * real LangChain4j clients talking to them.
 */
class LlmHealIT {
  private static final String MODEL = "qwen2.5-coder";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALC = "src/main/java/com/acme/calc/Calculator.java";
  private static final String PLANTED = "sk-live-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";
  private static final String ENV_SECRET = "correct-horse-battery-staple-42";
  private static final String GH_TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

  @TempDir Path repo;
  @TempDir Path state;
  private WireMockServer server;
  private String original;

  @BeforeEach
  void project() throws Exception {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    Projects.write(repo, "pom.xml", POM);
    Projects.write(
        repo,
        "src/test/java/com/acme/calc/CalculatorTest.java",
        """
        package com.acme.calc;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import org.junit.jupiter.api.Test;

        class CalculatorTest {
          @Test
          void adds() {
            assertEquals(5, new Calculator().add(2, 3), "sum (debug token=%s)");
          }

          @Test
          void doubles() {
            assertEquals(8, new Calculator().twice(4));
          }
        }
        """
            .formatted(GH_TOKEN));
    Projects.write(repo, ".github/workflows/ci.yml", "on: push\n");
    Projects.write(repo, CALC, calculator("a + b"));
    GitRepos.commitAll(repo, "good");
    original = calculator("a - b");
    Projects.write(repo, CALC, original);
    GitRepos.commitAll(repo, "refactor: tidy the calculator");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static String calculator(String sum) {
    return "package com.acme.calc;\n\n"
        + "// payment gateway: api_key="
        + PLANTED
        + "\npublic final class Calculator {\n  public int add(int a, int b) {\n    return "
        + sum
        + ";\n  }\n\n  public int twice(int a) {\n    return a * 2;\n  }\n}\n";
  }

  private HealPipeline.Result heal(Map<String, String> vars, String model) throws Exception {
    Projects.write(repo, ".selfheal.yml", "llm:\n  model: " + model + "\n");
    GitRepos.commitAll(repo, "chore: selfheal config");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("ANTHROPIC_API_KEY");
    env.remove("OPENAI_API_KEY");
    env.remove("OPENAI_BASE_URL");
    env.remove("ANTHROPIC_BASE_URL");
    env.put("XDG_STATE_HOME", state.toString());
    env.put("PAYMENTS_SECRET", ENV_SECRET);
    env.putAll(vars);
    Environment e =
        new Environment(
            env, Clock.systemUTC(), new CommandRunner(env, Clock.systemUTC()), new Redactor(env));
    return new HealPipeline(e, new RecipeRunner(Recipes.all()))
        .heal(
            new HealRequest(
                repo, "mvn -B verify", null, HealReport.DeliveryMode.APPLY, null, null, false),
            Progress.silent());
  }

  private Map<String, String> anthropic() {
    return Map.of(
        "ANTHROPIC_API_KEY", "test-key-anthropic", "ANTHROPIC_BASE_URL", server.baseUrl());
  }

  private void anthropicAnswers(String diagnosis, String fix) {
    server.stubFor(
        post(urlEqualTo("/v1/messages"))
            .withRequestBody(containing("Diagnose the root cause"))
            .willReturn(okJson(anthropicReply(diagnosis))));
    server.stubFor(
        post(urlEqualTo("/v1/messages"))
            .withRequestBody(containing("Propose the smallest fix"))
            .willReturn(okJson(anthropicReply(fix))));
  }

  private static String anthropicReply(String text) {
    var n = JSON.createObjectNode();
    n.put("id", "msg_01");
    n.put("type", "message");
    n.put("role", "assistant");
    n.put("model", "claude-sonnet-4-5");
    var c = n.putArray("content").addObject();
    c.put("type", "text");
    c.put("text", text);
    n.put("stop_reason", "end_turn");
    n.putNull("stop_sequence");
    n.putObject("usage").put("input_tokens", 1200).put("output_tokens", 90);
    return n.toString();
  }

  private static final String DIAGNOSIS =
      "Looking at the failure:\n```json\n{\"root_cause\": \"Calculator.add subtracts instead of adding\","
          + " \"failure_type\": \"test_failure\", \"affected_files\": [\""
          + CALC
          + "\"],"
          + " \"confidence\": 0.9, \"reasoning\": \"add(2, 3) returned -1; the change turned a + b into a - b\"}\n```";
  private static final String FIX =
      "[{\"file\": \""
          + CALC
          + "\", \"old_text\": \"return a - b;\", \"new_text\": \"return a + b;\"}]";

  @Test
  void aLogicBugIsHealedThroughTheAnthropicFormat() throws Exception {
    anthropicAnswers(DIAGNOSIS, FIX);
    HealPipeline.Result r = heal(anthropic(), "claude-sonnet-4-5");

    assertThat(r.report().status()).isEqualTo(Status.HEALED);
    assertThat(Files.readString(repo.resolve(CALC))).isEqualTo(calculator("a + b"));
    assertThat(r.report().fixes())
        .singleElement()
        .satisfies(f -> assertThat(f.strategy()).isEqualTo("llm:claude-sonnet-4-5"));
    assertThat(r.report().llm().calls()).isEqualTo(2);
    var json = dev.selfheal.pipeline.ReportSchema.check(r.report()); // valid against the schema
    assertThat(json.at("/llm/per_call/1/purpose").asText()).isEqualTo("fix");
    assertThat(r.report().llm().perCall())
        .extracting(HealReport.Llm.Call::purpose)
        .containsExactly("diagnosis", "fix");
    assertThat(r.report().llm().perCall().get(0).costUsd())
        .isCloseTo(0.00495, org.assertj.core.data.Offset.offset(1e-9)); // 1200 in, 90 out at $3/$15
    assertThat(r.report().llm().inputTokens()).isEqualTo(2400);
    assertThat(r.report().llm().costUsd()).isGreaterThan(0.0);
    List<LoggedRequest> sent = server.findAll(postRequestedFor(urlMatching(".*")));
    assertThat(sent)
        .hasSize(2)
        .allSatisfy(q -> assertThat(q.getHeader("x-api-key")).isEqualTo("test-key-anthropic"));
    // The logic tier ran first: its candidate had only the failing test behind it (below the
    // threshold), and its ranking leads the model's prompt, ahead of the files.
    assertThat(sent.get(1).getBodyAsString())
        .contains("Most suspicious code", "#1 " + CALC + ":6 in Calculator.add")
        .containsPattern(">\\s+6\\| +return a - b;");
    int suspects = sent.get(1).getBodyAsString().indexOf("Most suspicious code");
    int files = sent.get(1).getBodyAsString().indexOf("File " + CALC);
    assertThat(suspects).isLessThan(files);
    assertThat(sent)
        .as("no secret leaves the process")
        .allSatisfy(
            q ->
                assertThat(q.getBodyAsString())
                    .doesNotContain(PLANTED)
                    .doesNotContain(GH_TOKEN)
                    .doesNotContain("test-key-anthropic")
                    .containsPattern("\"max_tokens\"\\s*:\\s*4096"));
  }

  @Test
  void theSecretsPlantedInSourceAndTestOutputReachTheModelOnlyAsPlaceholders() throws Exception {
    anthropicAnswers(DIAGNOSIS, FIX);
    HealPipeline.Result r = heal(anthropic(), "claude-sonnet-4-5");
    assertThat(r.report().status()).isEqualTo(Status.HEALED);
    String bodies =
        server.findAll(postRequestedFor(urlMatching(".*"))).stream()
            .map(LoggedRequest::getBodyAsString)
            .reduce("", String::concat);
    assertThat(bodies).contains("«REDACTED:").contains("expected: <5>");
    try (var files = Files.walk(state)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        // Bytes as Latin-1: the history database is binary, and must not hold them either.
        assertThat(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(p.toString())
            .doesNotContain(PLANTED)
            .doesNotContain(GH_TOKEN);
      }
    }
  }

  @Test
  void aLogicBugIsHealedThroughAnOpenAiCompatibleServerWithoutAKey() throws Exception {
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("Diagnose the root cause"))
            .willReturn(okJson(LlmReplies.openAi(DIAGNOSIS, MODEL))));
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("Propose the smallest fix"))
            .willReturn(okJson(LlmReplies.openAi("Here you go:\n" + FIX, MODEL))));
    HealPipeline.Result r =
        heal(Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1"), "qwen2.5-coder");

    assertThat(r.report().status()).isEqualTo(Status.HEALED);
    assertThat(Files.readString(repo.resolve(CALC))).isEqualTo(calculator("a + b"));
    assertThat(r.report().llm().provider()).isEqualTo("openai");
    assertThat(server.findAll(postRequestedFor(urlMatching(".*"))))
        .allSatisfy(
            q -> assertThat(q.getBodyAsString()).containsPattern("\"max_tokens\"\\s*:\\s*4096"));
    assertThat(r.report().llm().outputTokens()).isEqualTo(120);
    assertThat(r.report().notices())
        .anyMatch(n -> n.contains("no price is known for qwen2.5-coder"));
  }

  @Test
  void streamedAnswersInBothFormatsHealToo() throws Exception {
    server.stubFor(
        post(urlEqualTo("/v1/messages"))
            .withRequestBody(containing("Diagnose the root cause"))
            .willReturn(sse(anthropicEvents(DIAGNOSIS))));
    server.stubFor(
        post(urlEqualTo("/v1/messages"))
            .withRequestBody(containing("Propose the smallest fix"))
            .willReturn(sse(anthropicEvents(FIX))));
    Map<String, String> vars = new HashMap<>(anthropic());
    vars.put("SELFHEAL_LLM_STREAM", "true");
    HealPipeline.Result r = heal(vars, "claude-sonnet-4-5");
    assertThat(r.report().status()).isEqualTo(Status.HEALED);
    assertThat(r.report().llm().inputTokens()).isEqualTo(2400);
    assertThat(server.findAll(postRequestedFor(urlMatching(".*"))))
        .allSatisfy(
            q -> assertThat(q.getBodyAsString()).containsPattern("\"stream\"\\s*:\\s*true"));

    server.resetAll();
    Projects.write(repo, CALC, original); // the applied fix undone: HEAD's broken state again
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("Diagnose the root cause"))
            .willReturn(sse(openAiEvents(DIAGNOSIS))));
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("Propose the smallest fix"))
            .willReturn(sse(openAiEvents(FIX))));
    HealPipeline.Result o =
        heal(
            Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1", "SELFHEAL_LLM_STREAM", "1"),
            "qwen2.5-coder");
    assertThat(o.report().status()).isEqualTo(Status.HEALED);
    assertThat(Files.readString(repo.resolve(CALC))).isEqualTo(calculator("a + b"));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withBody(body);
  }

  private static List<String> chunks(String text) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < text.length(); i += 17) {
      out.add(text.substring(i, Math.min(text.length(), i + 17)));
    }
    return out;
  }

  private static String anthropicEvents(String text) {
    StringBuilder sb = new StringBuilder();
    event(
        sb,
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":1200,\"output_tokens\":1}}}");
    event(
        sb,
        "content_block_start",
        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    for (String c : chunks(text)) {
      var d = JSON.createObjectNode();
      d.put("type", "content_block_delta");
      d.put("index", 0);
      d.putObject("delta").put("type", "text_delta").put("text", c);
      event(sb, "content_block_delta", d.toString());
    }
    event(sb, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
    event(
        sb,
        "message_delta",
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":90}}");
    event(sb, "message_stop", "{\"type\":\"message_stop\"}");
    return sb.toString();
  }

  private static void event(StringBuilder sb, String name, String data) {
    sb.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
  }

  private static String openAiEvents(String text) {
    StringBuilder sb = new StringBuilder();
    List<String> parts = new java.util.ArrayList<>(chunks(text));
    parts.add(0, "");
    for (String c : parts) {
      var n = JSON.createObjectNode();
      n.put("id", "chatcmpl-1");
      n.put("object", "chat.completion.chunk");
      n.put("created", 1_764_000_000);
      n.put("model", "qwen2.5-coder");
      var choice = n.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("delta").put("content", c);
      choice.putNull("finish_reason");
      sb.append("data: ").append(n).append("\n\n");
    }
    sb.append(
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"qwen2.5-coder\","
            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    sb.append(
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"qwen2.5-coder\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":60,\"total_tokens\":1060}}\n\n");
    sb.append("data: [DONE]\n\n");
    return sb.toString();
  }

  @Test
  void garbageAnswersEndNotHealedWithTheTreeUntouched() throws Exception {
    anthropicAnswers("I am not sure what you mean.", "Sure! Just fix it.");
    HealPipeline.Result r = heal(anthropic(), "claude-sonnet-4-5");

    assertThat(r.report().status()).isEqualTo(Status.NOT_HEALED);
    assertThat(Files.readString(repo.resolve(CALC))).isEqualTo(original);
    assertThat(r.report().notices()).anyMatch(n -> n.contains("invalid twice"));
    assertThat(server.findAll(postRequestedFor(urlMatching(".*"))))
        .as("one re-ask, then stop")
        .hasSize(2);
  }

  @Test
  void aMaliciousAnswerIsRefusedWithTheTreeUntouched() throws Exception {
    anthropicAnswers(
        DIAGNOSIS,
        "[{\"file\": \".github/workflows/ci.yml\", \"old_text\": \"on: push\", \"new_text\": \"on: push\\n# pwned\"},"
            + " {\"file\": \"pom.xml\", \"old_text\": \"<artifactId>calc</artifactId>\","
            + " \"new_text\": \"<artifactId>calc</artifactId><properties><skipTests>true</skipTests></properties>\"}]");
    HealPipeline.Result r = heal(anthropic(), "claude-sonnet-4-5");

    assertThat(r.report().status()).isEqualTo(Status.REJECTED);
    assertThat(Files.readString(repo.resolve(".github/workflows/ci.yml"))).isEqualTo("on: push\n");
    assertThat(Files.readString(repo.resolve("pom.xml"))).isEqualTo(POM);
    assertThat(Files.readString(repo.resolve(CALC))).isEqualTo(original);
  }

  @Test
  void anOverloadedProviderIsRetriedThenGivenUpOnClearly() throws Exception {
    server.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(
                aResponse()
                    .withStatus(529)
                    .withBody(
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
    HealPipeline.Result r = heal(anthropic(), "claude-sonnet-4-5");

    assertThat(r.report().status()).isEqualTo(Status.NOT_HEALED);
    assertThat(r.report().notices()).anyMatch(n -> n.contains("gave up after 3 attempts"));
    assertThat(Files.readString(repo.resolve(CALC))).isEqualTo(original);
  }

  static final String POM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.acme</groupId>
        <artifactId>calc</artifactId>
        <version>1.0</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
          <dependency>
            <groupId>org.junit.jupiter</groupId>
            <artifactId>junit-jupiter</artifactId>
            <version>5.14.4</version>
            <scope>test</scope>
          </dependency>
        </dependencies>
        <build>
          <plugins>
            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version></plugin>
            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
          </plugins>
        </build>
      </project>
      """;
}
