package dev.selfheal.eval;

import dev.selfheal.llm.Cassettes;
import dev.selfheal.model.Status;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import dev.selfheal.pipeline.HealRequest;
import dev.selfheal.pipeline.Progress;
import dev.selfheal.pipeline.ScratchRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the real pipeline on one golden case, in isolation: the case's project is materialised in
 * its own folder (base commit, then the breaking commit), healed with the patch validated but not
 * applied, and graded.
 */
final class CaseRunner {
  /** Nested Maven builds run offline: the bases were resolved once, beforehand. */
  static final String OFFLINE = "-o\n";

  private CaseRunner() {}

  record Result(
      GoldenCase c,
      HealReport report,
      Map<String, Grade> grades,
      double seconds,
      int llmMisses,
      String error) {
    boolean passed() {
      Grade e = grades.get("execution");
      return e != null && Boolean.TRUE.equals(e.passed());
    }

    Status status() {
      return report == null ? null : report.status();
    }
  }

  static Path materialize(GoldenCase c, Path dir) throws IOException {
    Path repo = dir.resolve("repo");
    ScratchRepo.create(c.source().base(), repo, "feat: the project as it was when CI passed");
    if (c.tag("tool").equals("maven") && Files.exists(repo.resolve("pom.xml"))) {
      ScratchRepo.commitFiles(
          repo, Map.of(".mvn/maven.config", OFFLINE), Set.of(), "build: offline");
    }
    if (c.source() instanceof GoldenCase.Generated g) {
      ScratchRepo.commitBreakage(repo, g.breakage());
    } else if (c.source() instanceof GoldenCase.Handwritten h
        && (h.change() != null || !h.deletes().isEmpty())) {
      ScratchRepo.commitFiles(
          repo, h.change() == null ? Map.of() : files(h.change()), h.deletes(), h.message());
    }
    return repo;
  }

  static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return out;
  }

  /**
   * Heals the case with {@code config} (the eval's {@code --config}, may be null: the defaults),
   * unless the case brings a configuration of its own.
   */
  static Result run(GoldenCase c, Path dir, Environment env, boolean llm, Path config) {
    long t0 = System.nanoTime();
    try {
      Path repo = materialize(c, dir);
      Path logs = null;
      if (c.source() instanceof GoldenCase.Handwritten h) {
        logs = h.ciLog();
        config = h.config() != null ? h.config() : config;
      }
      HealPipeline.Result r =
          new HealPipeline(env)
              .heal(
                  new HealRequest(
                          repo,
                          c.command(),
                          logs,
                          HealReport.DeliveryMode.DRY_RUN,
                          null,
                          config,
                          !llm)
                      .asRehearsal(),
                  Progress.silent());
      Map<String, Grade> grades = new java.util.LinkedHashMap<>();
      grades.put("execution", Graders.execution(c, r.report()));
      grades.put("structure", Graders.structure(c, r.report()));
      int misses =
          (int) r.report().notices().stream().filter(n -> n.contains(Cassettes.MISS)).count();
      return new Result(c, r.report(), grades, seconds(t0), misses, null);
    } catch (Exception | Error e) {
      Map<String, Grade> grades = new java.util.LinkedHashMap<>();
      grades.put("execution", Grade.of(Map.of("outcome", false), "the heal crashed: " + e));
      return new Result(c, null, grades, seconds(t0), 0, String.valueOf(e));
    }
  }

  /**
   * The case's environment: its own state, no secrets of the caller's history, the LLM as asked:
   * live (recording into {@code cassettes} when {@code SELFHEAL_LLM_CASSETTE_MODE=record} names no
   * folder of its own), or else replayed from {@code cassettes} (may be null: no LLM at all).
   */
  static Map<String, String> caseEnv(
      Map<String, String> base, Path state, Path cassettes, boolean live) {
    Map<String, String> env = new HashMap<>(base);
    env.keySet()
        .removeIf(
            k ->
                k.startsWith("SELFHEAL_DB_")
                    || k.startsWith("GITHUB_")
                    || k.equals("SELFHEAL_GITHUB_TOKEN"));
    env.put("XDG_STATE_HOME", state.toString());
    if (live) {
      if ("record".equals(env.get("SELFHEAL_LLM_CASSETTE_MODE")) && cassettes != null) {
        env.putIfAbsent("SELFHEAL_LLM_CASSETTES", cassettes.toString());
      }
      return env;
    }
    env.keySet()
        .removeIf(
            k ->
                k.equals("ANTHROPIC_API_KEY")
                    || k.equals("OPENAI_API_KEY")
                    || k.equals("OPENAI_BASE_URL")
                    || k.equals("ANTHROPIC_BASE_URL"));
    env.remove("SELFHEAL_LLM_CASSETTE_MODE");
    env.remove("SELFHEAL_LLM_CASSETTES");
    if (cassettes != null) {
      env.put("SELFHEAL_LLM_CASSETTES", cassettes.toString());
    }
    return env;
  }

  private static double seconds(long t0) {
    return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
  }
}
