package dev.selfheal.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a CI workflow prepares a project before its checks run, read so the heal job can prepare it
 * the same way: the job that runs the checks, and the steps before its check step that set up the
 * toolchain ({@code setup-java}, {@code setup-node}, {@code setup-python}, Gradle's setup, ...) and
 * install dependencies ({@code npm ci}, {@code pip install ...}). A matrix is taken at its first
 * entry. Build caches are left out: the heal job is privileged, and a cache a branch's build saved
 * must not reach it, nor one it saves reach the default branch's builds.
 */
public record CiJob(
    String workflowName,
    String jobId,
    String runsOn,
    List<ObjectNode> setupSteps,
    JsonNode services,
    JsonNode env,
    Optional<String> checkCommand,
    List<String> leftOut) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern CHECK =
      Pattern.compile(
          "(^|[\\s;&|(])(\\./mvnw|mvn|\\./gradlew|gradle|npm (run )?test|npm t\\b|yarn (run )?test|pnpm (run )?test|pytest|python3? -m pytest|tox|nox|make (test|check))\\b");
  private static final Pattern INSTALL =
      Pattern.compile(
          "^\\s*(sudo )?(npm (ci|install|i)\\b|yarn( install)?\\s*(--frozen-lockfile|--immutable)?\\s*$|pnpm (install|i)\\b|corepack enable"
              + "|pip3? install|python3? -m pip install|poetry install|uv (sync|pip install)|pipenv install|bundle install"
              + "|apt-get (update|install)|apt (update|install)|brew install|gem install|conda (install|env)"
              + "|npx playwright install|mvn .*dependency:(go-offline|resolve)|\\./mvnw .*dependency:(go-offline|resolve)"
              + "|echo .*>> *\"?\\$(GITHUB_ENV|GITHUB_PATH)\"?)",
          Pattern.MULTILINE);
  private static final Pattern MATRIX = Pattern.compile("\\$\\{\\{\\s*matrix\\.([\\w-]+)\\s*}}");

  /** Reads the job of {@code workflowFile} that runs the checks. */
  public static CiJob read(Path workflowFile) throws IOException {
    JsonNode root = YAML.readTree(workflowFile.toFile());
    String name = root.path("name").asText(workflowFile.getFileName().toString());
    JsonNode jobs = root.path("jobs");
    String chosen = null;
    for (Iterator<String> it = jobs.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      if (checkStep(jobs.get(id)) >= 0) {
        chosen = id;
        break;
      }
    }
    if (chosen == null) {
      Iterator<String> it = jobs.fieldNames();
      if (!it.hasNext()) {
        return new CiJob(
            name, null, "ubuntu-latest", List.of(), null, null, Optional.empty(), List.of());
      }
      chosen = it.next();
    }
    JsonNode job = jobs.get(chosen);
    Map<String, String> matrix = firstOfMatrix(job.path("strategy").path("matrix"));
    int check = checkStep(job);
    JsonNode steps = job.path("steps");
    List<ObjectNode> kept = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (int i = 0; i < steps.size() && (check < 0 || i < check); i++) {
      JsonNode step = substitute(steps.get(i), matrix);
      if (!step.isObject()) {
        continue;
      }
      ObjectNode s = ((ObjectNode) step).deepCopy();
      String label = s.path("name").asText(s.path("uses").asText(s.path("run").asText("a step")));
      if (s.has("uses")) {
        String uses = s.path("uses").asText();
        String action = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        if (action.equals("actions/checkout")) {
          continue; // the heal job checks out the failing commit itself
        }
        if (action.startsWith("actions/cache")) {
          leftOut.add(label + " (a build cache: not restored or saved by the privileged job)");
          continue;
        }
        if (!setupAction(action)) {
          leftOut.add(label + " (not a toolchain or dependency setup)");
          continue;
        }
        withoutCache(s, action);
        kept.add(s);
      } else if (s.has("run")) {
        if (INSTALL.matcher(s.path("run").asText()).find()) {
          kept.add(s);
        } else {
          leftOut.add(label + " (not an install step)");
        }
      }
    }
    Optional<String> command = Optional.empty();
    if (check >= 0) {
      String run = substitute(steps.get(check), matrix).path("run").asText("").strip();
      if (!run.isEmpty() && !run.contains("\n") && !run.contains("${{")) {
        command = Optional.of(run);
      }
    }
    String runsOn = job.path("runs-on").isTextual() ? job.path("runs-on").asText() : null;
    if (runsOn == null || runsOn.contains("${{")) {
      runsOn = "ubuntu-latest";
    }
    return new CiJob(
        name,
        chosen,
        runsOn,
        kept,
        job.has("services") ? substitute(job.get("services"), matrix) : null,
        job.has("env") ? substitute(job.get("env"), matrix) : null,
        command,
        leftOut);
  }

  /** The index of the step that runs the checks, or -1. */
  private static int checkStep(JsonNode job) {
    JsonNode steps = job.path("steps");
    for (int i = 0; i < steps.size(); i++) {
      String run = steps.get(i).path("run").asText("");
      if (!run.isEmpty() && !INSTALL.matcher(run).find() && CHECK.matcher(run).find()) {
        return i;
      }
    }
    return -1;
  }

  private static boolean setupAction(String action) {
    return action.matches("(?i)[\\w.-]+/(setup-[\\w.-]+|action-setup)")
        || action.matches("(?i)gradle/actions/setup-gradle|gradle/gradle-build-action")
        || action.matches("(?i)[\\w.-]+/[\\w.-]*setup[\\w.-]*");
  }

  /** The setup actions' own caches, switched off: the same poisoning a build cache risks. */
  private static void withoutCache(ObjectNode step, String action) {
    JsonNode with = step.get("with");
    ObjectNode w = with instanceof ObjectNode o ? o : null;
    if (action.startsWith("gradle/")) {
      if (w == null) {
        w = step.putObject("with");
      }
      w.put("cache-disabled", true);
      return;
    }
    if (w == null) {
      return;
    }
    w.remove("cache");
    w.remove("cache-dependency-path");
    if (w.has("enable-cache")) {
      w.put("enable-cache", false); // astral-sh/setup-uv
    }
    if (w.has("bundler-cache")) {
      w.put("bundler-cache", false); // ruby/setup-ruby
    }
    if (w.isEmpty()) {
      step.remove("with");
    }
  }

  /** The first value of each matrix dimension (or the first {@code include} entry). */
  private static Map<String, String> firstOfMatrix(JsonNode matrix) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!matrix.isObject()) {
      return out;
    }
    matrix
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (e.getKey().equals("include") || e.getKey().equals("exclude")) {
                return;
              }
              JsonNode first = v.isArray() && !v.isEmpty() ? v.get(0) : v;
              if (first.isValueNode()) {
                out.put(e.getKey(), first.asText());
              }
            });
    JsonNode include = matrix.path("include");
    if (include.isArray() && !include.isEmpty() && include.get(0).isObject()) {
      include
          .get(0)
          .fields()
          .forEachRemaining(e -> out.putIfAbsent(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static JsonNode substitute(JsonNode node, Map<String, String> matrix) {
    if (node == null || matrix.isEmpty()) {
      return node;
    }
    if (node.isTextual()) {
      Matcher m = MATRIX.matcher(node.asText());
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String v = matrix.get(m.group(1));
        m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
      }
      m.appendTail(sb);
      return TextNode.valueOf(sb.toString());
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), substitute(e.getValue(), matrix)));
      return copy;
    }
    if (node.isArray()) {
      var copy = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
      node.forEach(n -> copy.add(substitute(n, matrix)));
      return copy;
    }
    return node;
  }
}
