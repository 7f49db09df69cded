package dev.selfheal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The committed JSON Schema of selfheal.report/v1, for checking every report a test produces. */
public final class ReportSchema {
  private static final JsonSchema SCHEMA = load();

  private ReportSchema() {}

  public static Set<ValidationMessage> errors(JsonNode report) {
    return SCHEMA.validate(report);
  }

  public static JsonNode check(HealReport report) {
    JsonNode node = Json.mapper().valueToTree(report);
    Set<ValidationMessage> errors = errors(node);
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "report does not match selfheal.report/v1: " + errors + "\n" + node.toPrettyString());
    }
    return node;
  }

  private static JsonSchema load() {
    try (InputStream in =
        ReportSchema.class.getResourceAsStream("/schema/selfheal.report.v1.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
