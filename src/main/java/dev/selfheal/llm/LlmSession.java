package dev.selfheal.llm;

import dev.selfheal.redact.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LLM tier for one heal: every request redacted before it leaves, every answer parsed (one
 * re-ask quoting the parse error, then give up), usage and cost counted against the budget.
 */
public final class LlmSession {
  private final ChatClient client;
  private final Redactor redactor;
  private final Usage usage;

  public LlmSession(ChatClient client, Redactor redactor, double maxCostUsd) {
    this.client = client;
    this.redactor = redactor;
    this.usage = new Usage(client::model, maxCostUsd);
  }

  /**
   * The session the environment asks for: replaying recordings ({@code SELFHEAL_LLM_CASSETTES} with
   * {@code SELFHEAL_LLM_CASSETTE_MODE=replay}, the default), recording them ({@code record}), or
   * talking to the provider; empty when the tier is off.
   */
  public static Optional<LlmSession> open(
      LlmSettings.Resolution tier, Map<String, String> env, Redactor redactor, double maxCostUsd) {
    String cassettes = env.get("SELFHEAL_LLM_CASSETTES");
    boolean record = "record".equals(env.get("SELFHEAL_LLM_CASSETTE_MODE"));
    if (cassettes != null && !cassettes.isBlank() && !record) {
      String model = tier.settings().map(LlmSettings::model).orElse("replay");
      String provider =
          tier.settings()
              .map(s -> s.kind().name().toLowerCase(java.util.Locale.ROOT))
              .orElse("replay");
      return Optional.of(
          new LlmSession(
              Cassettes.replaying(Path.of(cassettes), model, provider), redactor, maxCostUsd));
    }
    if (tier.settings().isEmpty()) {
      return Optional.empty();
    }
    LlmSettings s = tier.settings().get();
    ChatClient c =
        RetryingClient.standard(DeadlineClient.of(new LangChainClient(s), s.timeout(), s.budget()));
    if (record && cassettes != null && !cassettes.isBlank()) {
      c = Cassettes.recording(c, Path.of(cassettes));
    }
    return Optional.of(new LlmSession(c, redactor, maxCostUsd));
  }

  public Answers.DiagnosisAnswer diagnose(Prompts.Context c) throws LlmException, Answers.Invalid {
    return ask("diagnosis", Prompts.diagnosis(c), Answers::diagnosis);
  }

  public List<Answers.EditAnswer> fix(Prompts.Context c, Answers.DiagnosisAnswer d)
      throws LlmException, Answers.Invalid {
    return ask("fix", Prompts.fix(c, d), Answers::edits);
  }

  interface Parser<T> {
    T parse(String reply) throws Answers.Invalid;
  }

  <T> T ask(String purpose, String prompt, Parser<T> parser) throws LlmException, Answers.Invalid {
    String question = redactor.redact(prompt);
    Answers.Invalid first = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      Optional<String> spent = usage.exhausted();
      if (spent.isPresent()) {
        throw new LlmException(spent.get(), false);
      }
      String text =
          first == null
              ? question
              : question
                  + "\n\nYour previous answer could not be used: "
                  + first.getMessage()
                  + ". Answer again, with the JSON only.";
      ChatClient.Reply reply =
          client.complete(new ChatClient.Request(redactor.redact(Prompts.SYSTEM), text));
      usage.add(first == null ? purpose : purpose + " (re-ask)", reply);
      try {
        if (reply.truncated()) {
          throw new Answers.Invalid(
              "the answer was cut at the output limit (llm.max_output_tokens); answer shorter");
        }
        return parser.parse(reply.text());
      } catch (Answers.Invalid e) {
        if (first != null) {
          throw new Answers.Invalid("the model's answer was invalid twice: " + e.getMessage());
        }
        first = e;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  public Usage usage() {
    return usage;
  }

  public String model() {
    return client.model();
  }

  public String provider() {
    return client.provider();
  }
}
