package dev.selfheal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model's answer out of its reply text, whatever surrounds it (prose, {@code ```json}
 * fences), so any OpenAI-compatible server works with or without tool calling. A malformed answer
 * is an {@link Invalid} whose message is quoted back to the model in the one re-ask.
 */
public final class Answers {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final class Invalid extends Exception {
    public Invalid(String message) {
      super(message);
    }
  }

  public record DiagnosisAnswer(
      String rootCause,
      String failureType,
      List<String> affectedFiles,
      double confidence,
      String reasoning) {}

  public record EditAnswer(String file, String oldText, String newText) {
    /**
     * A redacted secret's placeholder in the edit: it would write the placeholder, not the secret.
     */
    public boolean touchesPlaceholder() {
      return dev.selfheal.redact.Redactor.containsPlaceholder(oldText)
          || dev.selfheal.redact.Redactor.containsPlaceholder(newText);
    }
  }

  private Answers() {}

  public static DiagnosisAnswer diagnosis(String reply) throws Invalid {
    JsonNode n = json(reply, '{');
    String root = text(n, "root_cause");
    String type = text(n, "failure_type");
    String reasoning = n.path("reasoning").asText("");
    if (!n.path("confidence").isNumber()) {
      throw new Invalid("\"confidence\" must be a number between 0 and 1");
    }
    double confidence = n.path("confidence").asDouble();
    if (confidence < 0 || confidence > 1) {
      throw new Invalid("\"confidence\" must be between 0 and 1, was " + confidence);
    }
    List<String> files = new ArrayList<>();
    n.path("affected_files").forEach(f -> files.add(f.asText()));
    return new DiagnosisAnswer(root, type, files, confidence, reasoning);
  }

  public static List<EditAnswer> edits(String reply) throws Invalid {
    JsonNode n = json(reply, '[');
    if (!n.isArray()) {
      throw new Invalid("the answer must be a JSON array of {file, old_text, new_text}");
    }
    List<EditAnswer> out = new ArrayList<>();
    int i = 0;
    for (JsonNode e : n) {
      String at = "edit " + i++;
      if (!e.isObject()) {
        throw new Invalid(at + " is not an object");
      }
      String file = text(e, "file");
      if (!e.path("old_text").isTextual() || e.path("old_text").asText().isEmpty()) {
        throw new Invalid(at + ": \"old_text\" must be non-empty text copied from the file");
      }
      if (!e.path("new_text").isTextual()) {
        throw new Invalid(at + ": \"new_text\" must be text");
      }
      out.add(new EditAnswer(file, e.get("old_text").asText(), e.get("new_text").asText()));
    }
    if (out.isEmpty()) {
      throw new Invalid("the array holds no edit");
    }
    return out;
  }

  private static String text(JsonNode n, String field) throws Invalid {
    JsonNode v = n.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new Invalid("\"" + field + "\" must be a non-empty string");
    }
    return v.asText();
  }

  /** The first JSON value opening with {@code open} that parses, inside fences or prose. */
  static JsonNode json(String reply, char open) throws Invalid {
    String text = reply == null ? "" : reply;
    int fence = text.indexOf("```");
    if (fence >= 0) {
      int start = text.indexOf('\n', fence);
      int end = start < 0 ? -1 : text.indexOf("```", start);
      if (end > start) {
        try {
          return JSON.readTree(text.substring(start + 1, end));
        } catch (Exception notJson) {
          // fall through to scanning the whole text
        }
      }
    }
    String last = "no JSON " + (open == '{' ? "object" : "array") + " in the answer";
    for (int i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
      try (var parser = JSON.createParser(text.substring(i))) {
        JsonNode n = JSON.readTree(parser);
        if (n != null) {
          return n;
        }
      } catch (Exception e) {
        last = "the JSON does not parse: " + e.getMessage().lines().findFirst().orElse("");
      }
    }
    throw new Invalid(last);
  }
}
