package dev.selfheal.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recorded replies, one JSON file per request, keyed by a hash of the (redacted) prompt: recorded
 * once against a real provider, replayed offline and reproducibly by the eval. A request with no
 * recording is reported as a miss, never answered with a made-up reply.
 */
public final class Cassettes {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a miss begins, in the error a replay raises and so in every notice that quotes it. */
  public static final String MISS = "no recording for this request";

  private Cassettes() {}

  /**
   * What in a prompt differs from one run of the same case to the next without meaning anything:
   * durations and timestamps that test runners print into the logs quoted.
   */
  private static final List<Map.Entry<Pattern, String>> NOISE =
      List.of(
          Map.entry(
              Pattern.compile(
                  "\\b(duration_ms|[Tt]ime elapsed:|Total time:|Time:)\\s*[\\d.,]+(\\s*(ms|s|sec|min)\\b)?"),
              "$1 <time>"),
          Map.entry(Pattern.compile("\\bin \\d+(\\.\\d+)?s\\b"), "in <time>"),
          Map.entry(Pattern.compile("\\(\\d+(\\.\\d+)? ?(ms|s)\\)"), "(<time>)"),
          Map.entry(
              Pattern.compile(
                  "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?"),
              "<timestamp>"));

  /** The recording's name: a hash of the prompt, its run-to-run noise left out. */
  public static String key(ChatClient.Request r) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(r.system().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(quiet(r.user()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String quiet(String prompt) {
    String out = prompt;
    for (Map.Entry<Pattern, String> n : NOISE) {
      out = n.getKey().matcher(out).replaceAll(n.getValue());
    }
    return out;
  }

  /**
   * Answers from the recordings in {@code dir} only. Its model and provider are those of the last
   * recording it replayed (the given ones before the first): a replayed fix names the model that
   * made it, as it did when recorded.
   */
  public static ChatClient replaying(Path dir, String model, String provider) {
    return new ChatClient() {
      private volatile String lastModel = model;
      private volatile String lastProvider = provider;

      @Override
      public Reply complete(Request r) throws LlmException {
        Path file = dir.resolve(key(r) + ".json");
        if (!Files.isRegularFile(file)) {
          throw new LlmException(MISS + " (" + file.getFileName() + " in " + dir + ")", false);
        }
        try {
          var n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
          lastModel = n.path("model").asText(lastModel);
          lastProvider = n.path("provider").asText(lastProvider);
          return new Reply(
              n.path("reply").asText(),
              n.path("input_tokens").asLong(),
              n.path("output_tokens").asLong(),
              n.path("truncated").asBoolean());
        } catch (IOException e) {
          throw new LlmException("unreadable recording " + file + ": " + e.getMessage(), false, e);
        }
      }

      @Override
      public String model() {
        return lastModel;
      }

      @Override
      public String provider() {
        return lastProvider;
      }
    };
  }

  /** Passes requests to {@code inner} and records each reply in {@code dir}. */
  public static ChatClient recording(ChatClient inner, Path dir) {
    return new ChatClient() {
      @Override
      public Reply complete(Request r) throws LlmException {
        Reply reply = inner.complete(r);
        try {
          Files.createDirectories(dir);
          ObjectNode n = JSON.createObjectNode();
          n.put("model", inner.model());
          n.put("provider", inner.provider());
          n.put("system", r.system());
          n.put("user", r.user());
          n.put("reply", reply.text());
          n.put("input_tokens", reply.inputTokens());
          n.put("output_tokens", reply.outputTokens());
          n.put("truncated", reply.truncated());
          Path tmp = Files.createTempFile(dir, "cassette", ".tmp");
          Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
          Files.move(tmp, dir.resolve(key(r) + ".json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new LlmException(
              "could not record the reply in " + dir + ": " + e.getMessage(), false, e);
        }
        return reply;
      }

      @Override
      public String model() {
        return inner.model();
      }

      @Override
      public String provider() {
        return inner.provider();
      }
    };
  }
}
