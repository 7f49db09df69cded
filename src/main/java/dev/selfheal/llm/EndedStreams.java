package dev.selfheal.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * LangChain4j's JDK HTTP client, with one thing added for streams: a stream that closes before the
 * provider's own end marker (Anthropic's {@code message_stop}, OpenAI's {@code [DONE]}) is an error
 * at once. The library would otherwise wait for an end that never comes, until a timeout.
 */
final class EndedStreams implements HttpClientBuilder {
  /** The stream ended without its end marker: the answer is incomplete. */
  static final class CutOff extends RuntimeException {
    CutOff(String message) {
      super(message);
    }
  }

  private final HttpClientBuilder inner = HttpClientBuilderLoader.loadHttpClientBuilder();
  private final Predicate<ServerSentEvent> end;
  private final String marker;

  private EndedStreams(Predicate<ServerSentEvent> end, String marker) {
    this.end = end;
    this.marker = marker;
  }

  static EndedStreams of(LlmSettings.Kind kind) {
    return switch (kind) {
      case ANTHROPIC ->
          new EndedStreams(
              e ->
                  "message_stop".equals(e.event())
                      || (e.data() != null && e.data().contains("\"type\":\"message_stop\"")),
              "message_stop");
      case OPENAI -> new EndedStreams(e -> "[DONE]".equals(strip(e.data())), "data: [DONE]");
    };
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  @Override
  public Duration connectTimeout() {
    return inner.connectTimeout();
  }

  @Override
  public HttpClientBuilder connectTimeout(Duration d) {
    inner.connectTimeout(d);
    return this;
  }

  @Override
  public Duration readTimeout() {
    return inner.readTimeout();
  }

  @Override
  public HttpClientBuilder readTimeout(Duration d) {
    inner.readTimeout(d);
    return this;
  }

  @Override
  public HttpClient build() {
    HttpClient client = inner.build();
    return new HttpClient() {
      @Override
      public SuccessfulHttpResponse execute(HttpRequest request) {
        return client.execute(request);
      }

      @Override
      public void execute(
          HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        client.execute(request, parser, new Watch(listener));
      }
    };
  }

  /** Passes every event on, and turns a close before the end marker into an error. */
  private final class Watch implements ServerSentEventListener {
    private final ServerSentEventListener to;
    private boolean ended;
    private boolean failed;

    Watch(ServerSentEventListener to) {
      this.to = to;
    }

    @Override
    public void onOpen(SuccessfulHttpResponse response) {
      to.onOpen(response);
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
      ended |= end.test(event);
      to.onEvent(event, context);
    }

    @Override
    public void onEvent(ServerSentEvent event) {
      ended |= end.test(event);
      to.onEvent(event);
    }

    @Override
    public void onError(Throwable error) {
      failed = true;
      to.onError(error);
    }

    @Override
    public void onClose() {
      if (!ended && !failed) {
        failed = true;
        to.onError(
            new CutOff(
                "the provider's stream ended without " + marker + ": the answer is incomplete"));
        return;
      }
      to.onClose();
    }
  }
}
