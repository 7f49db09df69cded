package dev.selfheal.llm;

import java.util.Objects;

/** One request to a model and its reply; implementations speak a provider's wire format. */
public interface ChatClient {
  record Request(String system, String user) {
    public Request {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(user, "user");
    }
  }

  /**
   * @param truncated the model stopped at the output limit: the answer is cut and invalid
   */
  record Reply(String text, long inputTokens, long outputTokens, boolean truncated) {
    public Reply {
      text = text == null ? "" : text;
    }
  }

  Reply complete(Request request) throws LlmException;

  /** The model answering, for the report and the price table. */
  String model();

  String provider();
}
