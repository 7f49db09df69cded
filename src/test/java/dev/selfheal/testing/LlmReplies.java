package dev.selfheal.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Replies in the providers' own wire formats, for the loopback servers tests stand up. */
public final class LlmReplies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LlmReplies() {}

  /** An OpenAI chat completion: 1000 tokens in, 60 out. */
  public static String openAi(String text, String model) {
    var n = JSON.createObjectNode();
    n.put("id", "chatcmpl-1");
    n.put("object", "chat.completion");
    n.put("created", 1_764_000_000);
    n.put("model", model);
    var choice = n.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", text);
    choice.put("finish_reason", "stop");
    n.putObject("usage")
        .put("prompt_tokens", 1000)
        .put("completion_tokens", 60)
        .put("total_tokens", 1060);
    return n.toString();
  }
}
