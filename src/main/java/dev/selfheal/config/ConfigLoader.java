package dev.selfheal.config;

import dev.selfheal.config.YamlNode.Mapping;
import dev.selfheal.config.YamlNode.Scalar;
import dev.selfheal.config.YamlNode.Sequence;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads `.selfheal.yml`. Every key is optional; an unknown key, a wrong type or a bad value is a
 * {@link ConfigException} naming the file, the line, the key and what is allowed.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = ".selfheal.yml";

  /** The names a repository's config may have, the usual one first. */
  public static final List<String> FILE_NAMES = List.of(FILE_NAME, ".selfheal.yaml");

  private static final Set<String> TOP =
      Set.of(
          "command",
          "targeted_command",
          "safety",
          "delivery",
          "llm",
          "timeouts",
          "repair",
          "require_test_pass",
          "require_human_review");
  private static final Set<String> SAFETY =
      Set.of(
          "max_files_changed",
          "max_lines_changed",
          "forbidden_paths",
          "max_retries",
          "confidence_threshold",
          "llm_may_edit_build_files",
          "require_test_pass",
          "require_human_review");
  private static final Set<String> DELIVERY =
      Set.of(
          "labels",
          "reviewers",
          "max_attempts_per_fingerprint",
          "cooldown_minutes",
          "author",
          "heal_dependabot");
  private static final Set<String> LLM =
      Set.of(
          "provider",
          "model",
          "max_output_tokens",
          "max_cost_usd_per_heal",
          "send_source",
          "call_timeout_seconds",
          "max_seconds_per_heal");
  private static final Set<String> TIMEOUTS = Set.of("command_seconds");
  private static final Set<String> REPAIR = Set.of("logic", "budget_seconds", "max_candidates");

  private ConfigLoader() {}

  /** The explicit file when given (it must exist), else the repo's file, else the defaults. */
  public static SelfhealConfig load(Path repo, Path explicit) throws ConfigException {
    if (explicit != null && !Files.isRegularFile(explicit)) {
      throw new ConfigException("config file not found: " + explicit + " (check --config)");
    }
    Path file = explicit != null ? explicit : find(repo);
    if (!Files.isRegularFile(file)) {
      return SelfhealConfig.defaults();
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return parse(text, file.toString());
    } catch (CharacterCodingException e) {
      throw new ConfigException(file + ": not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
  }

  /** The repository's config file ({@code .selfheal.yml} or {@code .selfheal.yaml}). */
  public static Path find(Path repo) throws ConfigException {
    List<Path> there = FILE_NAMES.stream().map(repo::resolve).filter(Files::isRegularFile).toList();
    if (there.size() > 1) {
      throw new ConfigException(
          "both "
              + there.get(0)
              + " and "
              + there.get(1)
              + " exist; keep one (selfheal would not know which to follow)");
    }
    return there.isEmpty() ? repo.resolve(FILE_NAME) : there.get(0);
  }

  public static SelfhealConfig parse(String text, String source) throws ConfigException {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    YamlNode root = YamlNode.parse(text, source);
    if (root instanceof Scalar s && s.value() == null) {
      return SelfhealConfig.defaults();
    }
    Reader r = new Reader(source);
    Mapping top = r.mapping(root, "(top level)");
    r.keys(top, "", TOP);
    r.notSwitchedOff(top, "");
    SelfhealConfig d = SelfhealConfig.defaults();

    Mapping safety = r.section(top, "safety");
    r.keys(safety, "safety.", SAFETY);
    r.notSwitchedOff(safety, "safety.");
    List<String> userGlobs = r.globs(safety, "forbidden_paths", "safety.forbidden_paths");
    var s = d.safety();
    var safe =
        new SelfhealConfig.Safety(
            r.integer(safety, "max_files_changed", "safety.", s.maxFilesChanged(), 1, 1000),
            r.integer(safety, "max_lines_changed", "safety.", s.maxLinesChanged(), 1, 100_000),
            SelfhealConfig.Safety.withDefaults(userGlobs),
            r.integer(safety, "max_retries", "safety.", s.maxRetries(), 0, 10),
            r.decimal(safety, "confidence_threshold", "safety.", s.confidenceThreshold(), 0, 1),
            r.bool(safety, "llm_may_edit_build_files", "safety.", s.llmMayEditBuildFiles()));

    Mapping delivery = r.section(top, "delivery");
    r.keys(delivery, "delivery.", DELIVERY);
    var dd = d.delivery();
    var del =
        new SelfhealConfig.Delivery(
            r.strings(delivery, "labels", "delivery.", dd.labels()),
            r.strings(delivery, "reviewers", "delivery.", dd.reviewers()),
            r.integer(
                delivery,
                "max_attempts_per_fingerprint",
                "delivery.",
                dd.maxAttemptsPerFingerprint(),
                1,
                100),
            r.integer(delivery, "cooldown_minutes", "delivery.", dd.cooldownMinutes(), 0, 100_000),
            r.author(delivery, dd.author()),
            r.bool(delivery, "heal_dependabot", "delivery.", dd.healDependabot()));

    Mapping llm = r.section(top, "llm");
    r.keys(llm, "llm.", LLM);
    var dl = d.llm();
    var l =
        new SelfhealConfig.Llm(
            r.provider(llm),
            r.string(llm, "model", "llm.", dl.model()),
            r.integer(llm, "max_output_tokens", "llm.", dl.maxOutputTokens(), 256, 200_000),
            r.decimal(llm, "max_cost_usd_per_heal", "llm.", dl.maxCostUsdPerHeal(), 0, 1000),
            r.bool(llm, "send_source", "llm.", dl.sendSource()),
            r.integer(llm, "call_timeout_seconds", "llm.", dl.callTimeoutSeconds(), 1, 3600),
            r.integer(llm, "max_seconds_per_heal", "llm.", dl.maxSecondsPerHeal(), 1, 86_400));

    Mapping timeouts = r.section(top, "timeouts");
    r.keys(timeouts, "timeouts.", TIMEOUTS);
    var t =
        new SelfhealConfig.Timeouts(
            r.integer(
                timeouts,
                "command_seconds",
                "timeouts.",
                d.timeouts().commandSeconds(),
                1,
                86_400));

    Mapping repair = r.section(top, "repair");
    r.keys(repair, "repair.", REPAIR);
    var dr = SelfhealConfig.Repair.DEFAULTS;
    var rep =
        new SelfhealConfig.Repair(
            r.bool(repair, "logic", "repair.", dr.logic()),
            r.integer(repair, "budget_seconds", "repair.", dr.budgetSeconds(), 1, 3600),
            r.integer(repair, "max_candidates", "repair.", dr.maxCandidates(), 1, 100_000));

    String command = r.string(top, "command", "", null);
    String targeted = r.string(top, "targeted_command", "", null);
    if (targeted != null && !targeted.contains("{tests}")) {
      throw r.error(
          top.keyLines().get("targeted_command"),
          "targeted_command",
          "must contain {tests}, where the test ids go, e.g. \"make test TESTS={tests}\"");
    }
    return new SelfhealConfig(command, targeted, safe, del, l, t, rep);
  }

  /** Reads typed values from a mapping, turning every mismatch into a located message. */
  private record Reader(String source) {
    ConfigException error(Integer line, String key, String what) {
      return new ConfigException(
          source + ":" + (line == null ? 1 : line) + ": `" + key + "` " + what);
    }

    Mapping mapping(YamlNode n, String key) throws ConfigException {
      if (n instanceof Mapping m) {
        return m;
      }
      throw error(n.line(), key, "must be a mapping of keys to values");
    }

    Mapping section(Mapping top, String key) throws ConfigException {
      YamlNode n = top.entries().get(key);
      if (n == null || (n instanceof Scalar s && s.value() == null)) {
        return new Mapping(java.util.Map.of(), java.util.Map.of(), top.line());
      }
      return mapping(n, key);
    }

    void keys(Mapping m, String prefix, Set<String> allowed) throws ConfigException {
      for (String k : m.entries().keySet()) {
        if (!allowed.contains(k)) {
          String hint =
              Suggest.closest(k, allowed).map(s -> " (did you mean `" + s + "`?)").orElse("");
          throw error(
              m.keyLines().get(k),
              prefix + k,
              "is not a known key"
                  + hint
                  + "; allowed here: "
                  + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
      }
    }

    void notSwitchedOff(Mapping m, String prefix) throws ConfigException {
      for (String k : List.of("require_test_pass", "require_human_review")) {
        YamlNode n = m.entries().get(k);
        if (n != null && !(n instanceof Scalar s && Boolean.TRUE.equals(s.value()))) {
          throw error(
              n.line(),
              prefix + k,
              "cannot be switched off: selfheal always requires the tests to pass and a person to"
                  + " review every fix; remove the key (or set it to true)");
        }
      }
    }

    Object scalar(Mapping m, String key, String prefix) throws ConfigException {
      YamlNode n = m.entries().get(key);
      if (n == null) {
        return null;
      }
      if (n instanceof Scalar s) {
        return s.value();
      }
      throw error(n.line(), prefix + key, "must be a single value, not a list or mapping");
    }

    int integer(Mapping m, String key, String prefix, int dflt, int min, int max)
        throws ConfigException {
      Object v = scalar(m, key, prefix);
      if (v == null) {
        return dflt;
      }
      if (!(v instanceof Long l) || l < min || l > max) {
        throw error(
            line(m, key),
            prefix + key,
            "must be a whole number from " + min + " to " + max + ", not " + show(v));
      }
      return (int) (long) l;
    }

    double decimal(Mapping m, String key, String prefix, double dflt, double min, double max)
        throws ConfigException {
      Object v = scalar(m, key, prefix);
      if (v == null) {
        return dflt;
      }
      if (!(v instanceof Number num) || num.doubleValue() < min || num.doubleValue() > max) {
        throw error(
            line(m, key),
            prefix + key,
            "must be a number from " + min + " to " + max + ", not " + show(v));
      }
      return num.doubleValue();
    }

    boolean bool(Mapping m, String key, String prefix, boolean dflt) throws ConfigException {
      Object v = scalar(m, key, prefix);
      if (v == null) {
        return dflt;
      }
      if (!(v instanceof Boolean b)) {
        throw error(line(m, key), prefix + key, "must be true or false, not " + show(v));
      }
      return b;
    }

    String string(Mapping m, String key, String prefix, String dflt) throws ConfigException {
      Object v = scalar(m, key, prefix);
      if (v == null) {
        return dflt;
      }
      if (!(v instanceof String s) || s.isBlank()) {
        throw error(line(m, key), prefix + key, "must be a non-empty string, not " + show(v));
      }
      return s;
    }

    List<String> strings(Mapping m, String key, String prefix, List<String> dflt)
        throws ConfigException {
      YamlNode n = m.entries().get(key);
      if (n == null || (n instanceof Scalar s && s.value() == null)) {
        return dflt;
      }
      if (!(n instanceof Sequence seq)) {
        throw error(n.line(), prefix + key, "must be a list of strings, e.g. [\"a\", \"b\"]");
      }
      List<String> out = new ArrayList<>();
      for (YamlNode item : seq.items()) {
        if (!(item instanceof Scalar s) || !(s.value() instanceof String str) || str.isBlank()) {
          throw error(item.line(), prefix + key, "must list only non-empty strings");
        }
        out.add(str);
      }
      return out;
    }

    List<String> globs(Mapping m, String key, String shown) throws ConfigException {
      List<String> globs = strings(m, key, "safety.", List.of());
      for (String g : globs) {
        if (g.contains("..") || g.startsWith("~")) {
          throw error(
              line(m, key),
              shown,
              "holds `"
                  + g
                  + "`: globs are relative to the repository; `..` and `~` are not allowed");
        }
        try {
          Glob.of(g);
        } catch (Glob.Invalid e) {
          throw error(
              line(m, key),
              shown,
              "holds `"
                  + g
                  + "`, which is not a glob selfheal can match: "
                  + e.getMessage()
                  + " (gitignore syntax: *, ?, **, [abc], [a-z], [!a], \\ escapes, a leading !)");
        }
      }
      return globs;
    }

    Author author(Mapping m, Author dflt) throws ConfigException {
      String v = string(m, "author", "delivery.", null);
      if (v == null) {
        return dflt;
      }
      return Author.parse(v)
          .orElseThrow(
              () ->
                  error(
                      line(m, "author"),
                      "delivery.author",
                      "must be \"Name <email>\" (e.g. \"acme-bot <bot@acme.example>\"), not "
                          + show(v)));
    }

    LlmProvider provider(Mapping m) throws ConfigException {
      String v = string(m, "provider", "llm.", "auto");
      try {
        return LlmProvider.valueOf(v.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(
            line(m, "provider"),
            "llm.provider",
            "must be one of auto, anthropic, openai, none, not " + show(v));
      }
    }

    private static Integer line(Mapping m, String key) {
      YamlNode n = m.entries().get(key);
      return n == null ? m.keyLines().get(key) : n.line();
    }

    private static String show(Object v) {
      return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }
  }
}
