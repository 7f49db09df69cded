package dev.selfheal.llm;

import dev.selfheal.config.LlmProvider;
import dev.selfheal.config.SelfhealConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Which model the LLM tier talks to, decided from the config and the environment: {@code
 * ANTHROPIC_API_KEY} → Anthropic; {@code OPENAI_API_KEY} or {@code OPENAI_BASE_URL} (a local server
 * needs no key) → OpenAI-compatible. {@code ANTHROPIC_BASE_URL} is read as the official SDKs read
 * it (scheme, host and port, no {@code /v1}); {@code OPENAI_BASE_URL} with its {@code /v1}, as
 * OpenAI-compatible servers expect. Anthropic's and OpenAI's own hosts get a current default model;
 * any other host needs {@code llm.model}.
 */
public record LlmSettings(
    Kind kind,
    String baseUrl,
    String apiKey,
    String model,
    int maxOutputTokens,
    Duration timeout,
    boolean stream,
    Duration budget) {
  public enum Kind {
    ANTHROPIC,
    OPENAI
  }

  static final String ANTHROPIC_DEFAULT_MODEL = "claude-sonnet-4-5";
  static final String OPENAI_DEFAULT_MODEL = "gpt-4.1";

  /** The tier's state: on with these settings, or off and why. */
  public record Resolution(Optional<LlmSettings> settings, String reason) {
    static Resolution off(String why) {
      return new Resolution(Optional.empty(), why);
    }
  }

  @Override
  public String toString() {
    return "LlmSettings[" + kind + " " + baseUrl + " " + model + "]"; // never the key
  }

  public static Resolution resolve(SelfhealConfig.Llm cfg, Map<String, String> env, boolean noLlm) {
    if (noLlm) {
      return Resolution.off("the LLM tier is off (--no-llm)");
    }
    LlmProvider p = cfg.provider();
    if (p == LlmProvider.NONE) {
      return Resolution.off("the LLM tier is off (llm.provider: none)");
    }
    String anthropicKey = blankToNull(env.get("ANTHROPIC_API_KEY"));
    String openaiKey = blankToNull(env.get("OPENAI_API_KEY"));
    String openaiBase = blankToNull(env.get("OPENAI_BASE_URL"));
    if (p == LlmProvider.AUTO) {
      p =
          anthropicKey != null
              ? LlmProvider.ANTHROPIC
              : openaiKey != null || openaiBase != null ? LlmProvider.OPENAI : LlmProvider.NONE;
      if (p == LlmProvider.NONE) {
        return Resolution.off(
            "the LLM tier is off: no ANTHROPIC_API_KEY, OPENAI_API_KEY or OPENAI_BASE_URL in the"
                + " environment (set one, or llm.provider, to turn it on)");
      }
    }
    Duration timeout = Duration.ofSeconds(cfg.callTimeoutSeconds());
    Duration budget = Duration.ofSeconds(cfg.maxSecondsPerHeal());
    if (p == LlmProvider.ANTHROPIC) {
      if (anthropicKey == null) {
        return Resolution.off("llm.provider is anthropic but ANTHROPIC_API_KEY is not set");
      }
      String base = blankToNull(env.get("ANTHROPIC_BASE_URL"));
      String root = base == null ? "https://api.anthropic.com" : strip(base);
      // LangChain4j's Anthropic client wants the version path the official SDKs add themselves.
      String url = root.endsWith("/v1") ? root + "/" : root + "/v1/";
      // A gateway in front of Anthropic speaks Anthropic's API: its default model holds there too.
      Optional<String> model =
          Optional.of(
              cfg.model() != null && !cfg.model().isBlank()
                  ? cfg.model()
                  : ANTHROPIC_DEFAULT_MODEL);
      return on(
          new LlmSettings(
              Kind.ANTHROPIC,
              url,
              anthropicKey,
              model.get(),
              cfg.maxOutputTokens(),
              timeout,
              stream(env),
              budget));
    }
    if (openaiKey == null && openaiBase == null) {
      return Resolution.off(
          "llm.provider is openai but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set");
    }
    String url = openaiBase == null ? "https://api.openai.com/v1" : strip(openaiBase);
    if (openaiKey == null && host(url).equals("api.openai.com")) {
      return Resolution.off("OpenAI's own API needs OPENAI_API_KEY");
    }
    Optional<String> model = model(cfg, url, "api.openai.com", OPENAI_DEFAULT_MODEL);
    if (model.isEmpty()) {
      return Resolution.off(
          "llm.model is required for the OpenAI-compatible server at " + url + " (its model name)");
    }
    // A local server takes any key; the client library insists on one.
    String key = openaiKey == null ? "no-key" : openaiKey;
    return on(
        new LlmSettings(
            Kind.OPENAI,
            url,
            key,
            model.get(),
            cfg.maxOutputTokens(),
            timeout,
            stream(env),
            budget));
  }

  /**
   * OpenAI's own API, whose newer models refuse {@code max_tokens} and take {@code
   * max_completion_tokens}; compatible servers (Ollama, vLLM, llama.cpp) know the former.
   */
  public boolean officialOpenAi() {
    return kind == Kind.OPENAI && host(baseUrl).equals("api.openai.com");
  }

  /** {@code SELFHEAL_LLM_STREAM=true}: answers come as server-sent events. */
  private static boolean stream(Map<String, String> env) {
    String v = env.get("SELFHEAL_LLM_STREAM");
    return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
  }

  private static Resolution on(LlmSettings s) {
    return new Resolution(
        Optional.of(s),
        "the LLM tier is on: "
            + s.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + s.model()
            + " at "
            + s.baseUrl());
  }

  private static Optional<String> model(
      SelfhealConfig.Llm cfg, String url, String ownHost, String dflt) {
    if (cfg.model() != null && !cfg.model().isBlank()) {
      return Optional.of(cfg.model());
    }
    return host(url).equals(ownHost) ? Optional.of(dflt) : Optional.empty();
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String strip(String url) {
    String s = url.strip();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
