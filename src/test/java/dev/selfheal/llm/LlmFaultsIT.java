package dev.selfheal.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.selfheal.config.LlmProvider;
import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.redact.Redactor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Providers that misbehave on the wire, against the real LangChain4j clients on loopback: every
 * fault ends within its deadline, named for what it is.
 */
class LlmFaultsIT {
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

  private LlmSession session(Map<String, String> env, int callSeconds, int healSeconds) {
    SelfhealConfig.Llm cfg =
        new SelfhealConfig.Llm(
            LlmProvider.AUTO, "claude-sonnet-4-5", 1024, 1.0, true, callSeconds, healSeconds);
    LlmSettings.Resolution tier = LlmSettings.resolve(cfg, env, false);
    return LlmSession.open(tier, env, new Redactor(Map.of()), 1.0).orElseThrow();
  }

  private Map<String, String> anthropic(boolean stream) {
    return stream
        ? Map.of(
            "ANTHROPIC_API_KEY",
            "k",
            "ANTHROPIC_BASE_URL",
            server.baseUrl(),
            "SELFHEAL_LLM_STREAM",
            "true")
        : Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", server.baseUrl());
  }

  private static Prompts.Context context() {
    return new Prompts.Context("- test_failure: expected 5", Map.of(), "", "", null);
  }

  @Test
  void aResponseThatStallsAfterItsHeadersEndsAtTheDeadline() {
    server.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"msg_01\",\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\""
                            + "x".repeat(2000)
                            + "\"}]}")
                    .withChunkedDribbleDelay(50, 120_000)));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> session(anthropic(false), 1, 4).diagnose(context()))
        .isInstanceOf(LlmException.class)
        .hasMessageContaining("llm.max_seconds_per_heal");
    assertThat((System.nanoTime() - t0) / 1e9).as("seconds").isLessThan(20);
  }

  @Test
  void aStreamThatEndsWithoutMessageStopIsAnErrorAtOnce() {
    String cut =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"{\\\"root\"}}\n\n";
    server.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(cut)));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> session(anthropic(true), 120, 600).diagnose(context()))
        .isInstanceOf(LlmException.class)
        .hasMessageContaining("without message_stop");
    assertThat((System.nanoTime() - t0) / 1e9)
        .as("seconds (retries' pauses included)")
        .isLessThan(30);
  }

  @Test
  void aSuccessWithInvalidJsonIsAnInvalidAnswerAskedOnce() {
    server.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("<html>gateway says hello</html>")));
    assertThatThrownBy(() -> session(anthropic(false), 120, 600).diagnose(context()))
        .isInstanceOf(LlmException.class)
        .hasMessageContaining("the provider sent an invalid answer")
        .hasMessageNotContaining("could not reach");
    assertThat(server.findAll(postRequestedFor(urlMatching(".*")))).hasSize(1);
  }
}
