package dev.selfheal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line of every node, so a config error can say where
 * it is. Built from Jackson's token stream because Jackson's own trees forget locations.
 */
sealed interface YamlNode {
  int line();

  record Scalar(Object value, int line) implements YamlNode {}

  record Sequence(List<YamlNode> items, int line) implements YamlNode {}

  record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line)
      implements YamlNode {}

  static YamlNode parse(String text, String source) throws ConfigException {
    YAMLFactory factory = YAMLFactory.builder().build();
    try (JsonParser p = factory.createParser(text)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken t = p.nextToken();
      if (t == null) {
        return new Mapping(Map.of(), Map.of(), 1);
      }
      YamlNode root = read(p, source);
      if (p.nextToken() != null) {
        throw new ConfigException(source + ": more than one YAML document; keep one");
      }
      return root;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          source
              + ":"
              + line
              + ": not valid YAML: "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot read: " + e.getMessage());
    }
  }

  private static YamlNode read(JsonParser p, String source) throws IOException, ConfigException {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          keyLines.put(key, p.currentTokenLocation().getLineNr());
          p.nextToken();
          entries.put(key, read(p, source));
        }
        return new Mapping(entries, keyLines, line);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, source));
        }
        return new Sequence(items, line);
      }
      case VALUE_STRING -> {
        return new Scalar(p.getText(), line);
      }
      case VALUE_NUMBER_INT -> {
        return new Scalar(p.getLongValue(), line);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Scalar(p.getDoubleValue(), line);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Scalar(p.getBooleanValue(), line);
      }
      case VALUE_NULL -> {
        return new Scalar(null, line);
      }
      default -> throw new ConfigException(source + ":" + line + ": unexpected YAML " + t);
    }
  }
}
