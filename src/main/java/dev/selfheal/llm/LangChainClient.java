package dev.selfheal.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * The providers through LangChain4j's Anthropic and OpenAI modules (6.5 MiB, against 53 and 81 MiB
 * for the official SDKs). Their own retries are off: one retry policy, ours ({@link
 * RetryingClient}), decides. The output limit is {@code llm.max_output_tokens}, not the library's
 * default of 1024, and a reply stopped at the limit is reported as truncated.
 */
public final class LangChainClient implements ChatClient {
  private final ChatModel model;
  private final Streamed streamed;
  private final LlmSettings settings;

  public LangChainClient(LlmSettings s) {
    this.settings = s;
    this.streamed = s.stream() ? new Streamed(s) : null;
    this.model =
        switch (s.kind()) {
          case ANTHROPIC ->
              AnthropicChatModel.builder()
                  .baseUrl(s.baseUrl())
                  .apiKey(s.apiKey())
                  .modelName(s.model())
                  .maxTokens(s.maxOutputTokens())
                  .timeout(s.timeout())
                  .httpClientBuilder(EndedStreams.of(s.kind()))
                  .maxRetries(0)
                  .build();
          case OPENAI ->
              OpenAiChatModel.builder()
                  .baseUrl(s.baseUrl())
                  .apiKey(s.apiKey())
                  .modelName(s.model())
                  .maxTokens(s.officialOpenAi() ? null : s.maxOutputTokens())
                  .maxCompletionTokens(s.officialOpenAi() ? s.maxOutputTokens() : null)
                  .timeout(s.timeout())
                  .httpClientBuilder(EndedStreams.of(s.kind()))
                  .maxRetries(0)
                  .build();
        };
  }

  @Override
  public Reply complete(Request r) throws LlmException {
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from(r.system()), UserMessage.from(r.user()))
            .build();
    ChatResponse response;
    try {
      response = streamed != null ? streamed.chat(request) : model.chat(request);
    } catch (RuntimeException e) {
      throw classify(e);
    }
    TokenUsage usage = response.tokenUsage();
    long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    String text = response.aiMessage() == null ? "" : response.aiMessage().text();
    return new Reply(text, in, out, response.finishReason() == FinishReason.LENGTH);
  }

  /** The library's exceptions as ours: what happened, whether trying again may help. */
  static LlmException classify(RuntimeException e) {
    String where = " (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")";
    if (hasCause(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
      // A 200 whose body is not the provider's JSON: asking again gets the same answer.
      return new LlmException("the provider sent an invalid answer" + where, false, e);
    }
    if (hasCause(e, EndedStreams.CutOff.class)) {
      return new LlmException(firstLine(cause(e, EndedStreams.CutOff.class).getMessage()), true, e);
    }
    if (e instanceof AuthenticationException) {
      return new LlmException("the model provider refused the API key; check it" + where, false, e);
    }
    if (e instanceof RateLimitException) {
      return new LlmException("rate limited by the model provider" + where, true, e);
    }
    if (e instanceof TimeoutException || hasCause(e, HttpTimeoutException.class)) {
      return new LlmException("the model provider did not answer in time" + where, true, e);
    }
    if (e instanceof InternalServerException || e instanceof RetriableException) {
      return new LlmException("the model provider failed" + where, true, e);
    }
    if (e instanceof HttpException h) {
      int code = h.statusCode();
      boolean retriable = code == 429 || code == 529 || code >= 500;
      return new LlmException("the model provider answered HTTP " + code + where, retriable, e);
    }
    if (hasCause(e, IOException.class)) {
      return new LlmException("could not reach the model provider" + where, true, e);
    }
    return new LlmException("the model call failed" + where, false, e);
  }

  private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return e;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  @Override
  public String model() {
    return settings.model();
  }

  @Override
  public String provider() {
    return settings.kind().name().toLowerCase(java.util.Locale.ROOT);
  }
}
