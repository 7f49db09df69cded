package dev.selfheal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.selfheal.breakage.Breakage;
import dev.selfheal.breakage.Expectation;
import dev.selfheal.breakage.Operator;
import dev.selfheal.breakage.Operators;
import dev.selfheal.breakage.Sampler;
import dev.selfheal.breakage.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a golden set: {@code generated.yml} (green base projects the breakage operators break,
 * sampled with a fixed seed, so the same cases come out every time) and {@code cases/<name>/}
 * (hand-written cases for what operators cannot make).
 */
public final class GoldenSet {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** What a key of a golden set's files holds. */
  private enum Shape {
    TEXT,
    WHOLE_NUMBER,
    TEXTS,
    MAPPINGS
  }

  private static final Map<String, Shape> CASE_KEYS =
      Map.ofEntries(
          Map.entry("base", Shape.TEXT),
          Map.entry("category", Shape.TEXT),
          Map.entry("tool", Shape.TEXT),
          Map.entry("difficulty", Shape.TEXT),
          Map.entry("expected", Shape.TEXT),
          Map.entry("expected_with_llm", Shape.TEXT),
          Map.entry("command", Shape.TEXT),
          Map.entry("message", Shape.TEXT),
          Map.entry("allowed_files", Shape.TEXTS),
          Map.entry("mentions", Shape.TEXTS),
          Map.entry("delete", Shape.TEXTS),
          Map.entry("kind", Shape.TEXT));
  private static final Map<String, Shape> GENERATED_KEYS =
      Map.of(
          "seed", Shape.WHOLE_NUMBER,
          "per_kind", Shape.WHOLE_NUMBER,
          "bases", Shape.MAPPINGS,
          "exclude", Shape.TEXTS);
  private static final Map<String, Shape> BASE_KEYS =
      Map.of("path", Shape.TEXT, "tool", Shape.TEXT, "command", Shape.TEXT);

  private GoldenSet() {}

  /** A golden set that cannot be read; the message names the file and what is wrong. */
  public static final class GoldenException extends Exception {
    public GoldenException(String message) {
      super(message);
    }
  }

  public static List<GoldenCase> load(Path dir) throws IOException, GoldenException {
    if (!Files.isDirectory(dir)) {
      throw new GoldenException("no golden set at " + dir + " (give --golden DIR)");
    }
    List<GoldenCase> out = new ArrayList<>();
    Path gen = dir.resolve("generated.yml");
    if (Files.isRegularFile(gen)) {
      JsonNode spec = read(gen);
      check(gen, "", spec, GENERATED_KEYS);
      int i = 0;
      for (JsonNode b : spec.path("bases")) {
        check(gen, "bases[" + i++ + "].", b, BASE_KEYS);
      }
      out.addAll(generated(dir, spec));
    }
    Path cases = dir.resolve("cases");
    if (Files.isDirectory(cases)) {
      try (Stream<Path> s = Files.list(cases)) {
        for (Path c : s.sorted().toList()) {
          if (Files.isRegularFile(c.resolve("case.yml"))) {
            JsonNode spec = read(c.resolve("case.yml"));
            check(c.resolve("case.yml"), "", spec, CASE_KEYS);
            out.add(handwritten(c, spec));
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new GoldenException(dir + " holds no case (generated.yml or cases/*/case.yml)");
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (GoldenCase c : out) {
      if (!ids.add(c.id())) {
        throw new GoldenException(
            dir
                + ": two cases have the id "
                + c.id()
                + " (generated cases are named by their base's folder: give bases distinct names)");
      }
    }
    return out;
  }

  private static JsonNode read(Path f) throws GoldenException {
    try {
      JsonNode n = YAML.readTree(f.toFile());
      if (n == null || !n.isObject()) {
        throw new GoldenException(f + ": expected a YAML mapping");
      }
      return n;
    } catch (IOException e) {
      throw new GoldenException(f + ": " + e.getMessage());
    }
  }

  /** Unknown keys and values of the wrong shape are errors naming the file and the key. */
  private static void check(Path f, String prefix, JsonNode n, Map<String, Shape> keys)
      throws GoldenException {
    if (!n.isObject()) {
      throw new GoldenException(f + ": " + prefix + " expected a mapping");
    }
    for (var it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      Shape want = keys.get(k);
      if (want == null) {
        throw new GoldenException(
            f
                + ": unknown key `"
                + prefix
                + k
                + "`"
                + dev.selfheal.config.Suggest.closest(k, keys.keySet())
                    .map(s -> " (did you mean `" + s + "`?)")
                    .orElse("")
                + "; allowed: "
                + String.join(", ", new java.util.TreeSet<>(keys.keySet())));
      }
      JsonNode v = n.get(k);
      boolean ok =
          switch (want) {
            case TEXT -> v.isValueNode() && !v.isNull();
            case WHOLE_NUMBER -> v.isIntegralNumber();
            case TEXTS -> v.isArray() && all(v, JsonNode::isValueNode);
            case MAPPINGS -> v.isArray() && all(v, JsonNode::isObject);
          };
      if (!ok) {
        throw new GoldenException(
            f
                + ": `"
                + prefix
                + k
                + "` must be "
                + switch (want) {
                  case TEXT -> "a single value";
                  case WHOLE_NUMBER -> "a whole number";
                  case TEXTS -> "a list of values, e.g. [a, b]";
                  case MAPPINGS -> "a list of mappings";
                });
      }
    }
  }

  private static boolean all(JsonNode list, java.util.function.Predicate<JsonNode> p) {
    for (JsonNode e : list) {
      if (!p.test(e)) {
        return false;
      }
    }
    return true;
  }

  static List<GoldenCase> generated(Path dir, JsonNode spec) throws IOException, GoldenException {
    long seed = spec.path("seed").asLong(20261125L);
    int perKind = spec.path("per_kind").asInt(10);
    List<Path> bases = new ArrayList<>();
    List<String> tools = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    List<List<Breakage>> sources = new ArrayList<>();
    for (JsonNode b : spec.path("bases")) {
      Path base = dir.resolve(b.path("path").asText()).normalize();
      if (!Files.isDirectory(base)) {
        throw new GoldenException(dir.resolve("generated.yml") + ": no base project at " + base);
      }
      bases.add(base);
      tools.add(b.path("tool").asText("maven"));
      commands.add(b.hasNonNull("command") ? b.get("command").asText() : null);
      sources.add(Operators.breakages(SourceTree.read(base)));
    }
    java.util.Set<String> excluded = new java.util.HashSet<>(strings(spec.path("exclude")));
    List<GoldenCase> out = new ArrayList<>();
    for (Breakage b : Sampler.sample(sources, perKind, seed)) {
      int i = 0;
      while (!sources.get(i).contains(b)) {
        i++;
      }
      Path base = bases.get(i);
      String id = "gen/" + base.getFileName() + "/" + b.id();
      if (excluded.contains(id)) {
        continue;
      }
      out.add(
          new GoldenCase(
              id,
              tags(
                  category(b.kind()),
                  tools.get(i),
                  difficulty(b.kind()),
                  b.kind() == Operator.Kind.LOGIC_REGRESSION ? "logic" : null),
              b.expected().recipe() == null
                  ? Expected.NOT_HEALED
                  : b.expected() instanceof Expectation.Restore
                      ? Expected.HEALED_OR_DECLINED
                      : Expected.HEALED,
              null,
              allowed(b.expected()),
              List.of(),
              commands.get(i),
              new GoldenCase.Generated(base, b)));
    }
    return out;
  }

  /**
   * A case's tags; {@code kind} is optional ({@code logic} for a logic regression, so the eval has
   * a {@code logic} slice).
   */
  private static Map<String, String> tags(
      String category, String tool, String difficulty, String kind) {
    Map<String, String> t = new java.util.LinkedHashMap<>();
    t.put("category", category);
    t.put("tool", tool);
    t.put("difficulty", difficulty);
    if (kind != null) {
      t.put("kind", kind);
    }
    return t;
  }

  static String category(Operator.Kind k) {
    return switch (k) {
      case CHANGE_OUTPUT, REGRESS_OUTPUT, LOGIC_REGRESSION -> "test_failure";
      case LINT_VIOLATION -> "lint_error";
      case REMOVE_DEPENDENCY -> "dependency_issue";
      default -> "type_error";
    };
  }

  static String difficulty(Operator.Kind k) {
    return switch (k) {
      case DROP_IMPORT, LINT_VIOLATION -> "easy";
      case ADD_PARAMETER, REGRESS_OUTPUT, MOVE_TYPE -> "hard";
      default -> "medium";
    };
  }

  private static List<String> allowed(Expectation e) {
    if (e instanceof Expectation.Files f) {
      return List.copyOf(new java.util.TreeSet<>(f.texts().keySet()));
    }
    if (e instanceof Expectation.Restore r) {
      return List.copyOf(new java.util.TreeSet<>(r.texts().keySet()));
    }
    return e instanceof Expectation.TestLiterals ? List.of("**/src/test/**") : List.of();
  }

  static GoldenCase handwritten(Path dir, JsonNode c) throws GoldenException {
    String id = "hand/" + dir.getFileName();
    if (!Files.isDirectory(dir.resolve(c.path("base").asText("base")))) {
      throw new GoldenException(
          dir.resolve("case.yml") + ": no base project at " + c.path("base").asText("base"));
    }
    try {
      List<String> allowed = strings(c.path("allowed_files"));
      return new GoldenCase(
          id,
          tags(
              c.path("category").asText(""),
              c.path("tool").asText(""),
              c.path("difficulty").asText(""),
              c.hasNonNull("kind") ? c.get("kind").asText() : null),
          Expected.fromWire(c.path("expected").asText("")),
          c.hasNonNull("expected_with_llm")
              ? Expected.fromWire(c.get("expected_with_llm").asText())
              : null,
          allowed,
          strings(c.path("mentions")),
          c.hasNonNull("command") ? c.get("command").asText() : null,
          new GoldenCase.Handwritten(
              dir.resolve(c.path("base").asText("base")).normalize(),
              Files.isDirectory(dir.resolve("change")) ? dir.resolve("change") : null,
              new LinkedHashSet<>(strings(c.path("delete"))),
              c.path("message").asText("change"),
              Files.isDirectory(dir.resolve("fix")) ? dir.resolve("fix") : null,
              Files.isRegularFile(dir.resolve("ci.log")) ? dir.resolve("ci.log") : null,
              Files.isRegularFile(dir.resolve("selfheal.yml"))
                  ? dir.resolve("selfheal.yml")
                  : null));
    } catch (IllegalArgumentException e) {
      throw new GoldenException(dir.resolve("case.yml") + ": " + e.getMessage());
    }
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }
}
