package dev.selfheal.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A repository's GitHub Actions workflows, read as Actions reads them. */
public final class ActionsWorkflows {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ActionsWorkflows() {}

  /** A workflow file: the name {@code workflow_run} matches it by, and what starts it. */
  public record Workflow(Path file, String name, List<String> events) {
    /** Runs the checks on code changes: what selfheal heals. */
    public boolean isCi() {
      return events.contains("push") || events.contains("pull_request");
    }
  }

  public static List<Workflow> list(Path repo) throws IOException {
    Path dir = repo.resolve(".github/workflows");
    List<Workflow> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith(".yml") || n.endsWith(".yaml")) {
          read(f, repo).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static java.util.Optional<Workflow> read(Path f, Path repo) {
    JsonNode root;
    try {
      root = YAML.readTree(f.toFile());
    } catch (IOException e) {
      return java.util.Optional.empty(); // Actions would not run it either
    }
    if (root == null || !root.isObject()) {
      return java.util.Optional.empty();
    }
    // GitHub names a workflow without `name:` by its path.
    String name = root.path("name").asText(repo.relativize(f).toString().replace('\\', '/'));
    return java.util.Optional.of(new Workflow(f, name, events(root)));
  }

  /** The events of {@code on:}, written as a word, a list or a map. */
  static List<String> events(JsonNode root) {
    JsonNode on = root.has("on") ? root.get("on") : root.path("true"); // YAML 1.1 reads on as true
    List<String> out = new ArrayList<>();
    if (on.isTextual()) {
      out.add(on.asText());
    } else if (on.isArray()) {
      on.forEach(e -> out.add(e.asText()));
    } else if (on.isObject()) {
      on.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  public static boolean acceptsDispatch(Path workflowFile) {
    if (!Files.isRegularFile(workflowFile)) {
      return false;
    }
    try {
      return events(YAML.readTree(workflowFile.toFile())).contains("workflow_dispatch");
    } catch (IOException e) {
      return false;
    }
  }
}
