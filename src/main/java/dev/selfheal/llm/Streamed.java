package dev.selfheal.llm;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The streamed transport ({@code SELFHEAL_LLM_STREAM=true}): the same request, the answer as
 * server-sent events, gathered into one response. For servers and proxies that hold a plain reply
 * until it is complete and cut long ones off.
 */
final class Streamed {
  private final StreamingChatModel model;
  private final LlmSettings settings;

  Streamed(LlmSettings s) {
    this.settings = s;
    this.model =
        switch (s.kind()) {
          case ANTHROPIC ->
              AnthropicStreamingChatModel.builder()
                  .baseUrl(s.baseUrl())
                  .apiKey(s.apiKey())
                  .modelName(s.model())
                  .maxTokens(s.maxOutputTokens())
                  .timeout(s.timeout())
                  .httpClientBuilder(EndedStreams.of(s.kind()))
                  .build();
          case OPENAI ->
              OpenAiStreamingChatModel.builder()
                  .baseUrl(s.baseUrl())
                  .apiKey(s.apiKey())
                  .modelName(s.model())
                  .maxTokens(s.officialOpenAi() ? null : s.maxOutputTokens())
                  .maxCompletionTokens(s.officialOpenAi() ? s.maxOutputTokens() : null)
                  .timeout(s.timeout())
                  .httpClientBuilder(EndedStreams.of(s.kind()))
                  .build();
        };
  }

  ChatResponse chat(ChatRequest request) throws LlmException {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    model.chat(
        request,
        new StreamingChatResponseHandler() {
          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
    try {
      // DeadlineClient bounds the whole call; this only keeps a lost callback from waiting forever.
      return done.get(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new LlmException("the model's stream did not finish in time", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while the model answered", false, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw LangChainClient.classify(re);
      }
      throw new LlmException("the model's stream failed: " + cause, true, cause);
    }
  }
}
