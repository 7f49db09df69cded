package dev.selfheal.eval;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.llm.LlmSettings;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.Json;
import dev.selfheal.pipeline.WarmBuilds;
import dev.selfheal.pipeline.Warmup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code selfheal eval}: the real pipeline on every golden case, each in isolation, N at a time;
 * graded, scored overall and per slice, written out, and gated against a baseline.
 */
public final class Evaluation {
  private Evaluation() {}

  public record Options(
      Path golden,
      Set<String> slices,
      Path baseline,
      double maxRegression,
      int jobs,
      Path reportDir,
      Path work,
      MavenJvm mavenJvm,
      Path config) {}

  /**
   * How the cases' {@code mvn} builds run: in Maven JVMs kept warm between builds (the same Maven,
   * JVM options and environment; see {@code exec.WarmMaven}), or as a fresh process each.
   */
  public enum MavenJvm {
    WARM,
    FRESH;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public record Outcome(Scorecard scorecard, Gate.Verdict gate, Path reportDir) {}

  public static Outcome run(Options o, Environment env, java.io.PrintStream progress)
      throws IOException, GoldenSet.GoldenException, InterruptedException {
    List<GoldenCase> cases = select(o);
    Scorecard baseline = o.baseline() == null ? null : readBaseline(o.baseline());
    SelfhealConfig config = config(o);
    boolean live = LlmSettings.resolve(config.llm(), env.env(), false).settings().isPresent();
    Path cassettes = o.golden().toAbsolutePath().normalize().resolve("cassettes");
    String llmMode = live ? "live" : Files.isDirectory(cassettes) ? "replay" : "off";
    Path state = Files.createDirectories(o.work().resolve("state"));
    Environment plain =
        env.withEnv(
            CaseRunner.caseEnv(env.env(), state, llmMode.equals("off") ? null : cassettes, live));
    String recording =
        live && "record".equals(plain.env().get("SELFHEAL_LLM_CASSETTE_MODE"))
            ? ", recording to " + plain.env().get("SELFHEAL_LLM_CASSETTES")
            : "";
    progress.printf(
        "eval      %d case(s), %d at a time; LLM tier %s%s%n",
        cases.size(), o.jobs(), llmMode, recording);
    List<CaseRunner.Result> results;
    Scorecard.Builds builds;
    try (WarmBuilds jvms = prepare(cases, plain, o, progress)) {
      results =
          inParallel(
              cases,
              o.jobs(),
              (c, n) -> {
                Path dir = o.work().resolve("cases").resolve(String.format("%04d", n));
                CaseRunner.Result r =
                    CaseRunner.run(c, dir, jvms.env(), !llmMode.equals("off"), o.config());
                synchronized (progress) {
                  progress.printf(
                      "%-5s     %s (%s, %.0f s)%n",
                      r.passed() ? "pass" : "FAIL",
                      c.id(),
                      r.status() == null ? "crashed" : r.status().wire(),
                      r.seconds());
                }
                return r;
              });
      builds =
          new Scorecard.Builds(
              jvms.warm() ? MavenJvm.WARM : MavenJvm.FRESH,
              jvms.warmBuilds(),
              jvms.jvms(),
              jvms.declined(),
              jvms.description());
    }
    JudgeGrader.Run judge = JudgeGrader.apply(results, plain, config);
    Scorecard s = score(results, llmMode, judge, builds, config);
    Gate.Verdict gate =
        baseline == null ? null : Gate.compare(s, baseline, o.maxRegression(), o.slices());
    ScorecardWriter.write(o.reportDir(), s, baseline, gate);
    return new Outcome(s, gate, o.reportDir());
  }

  /**
   * Resolves the Maven bases online, then sets up how the cases' builds run: warm Maven JVMs, or
   * fresh processes sharing a class-data archive of Maven's start.
   */
  private static WarmBuilds prepare(
      List<GoldenCase> cases, Environment plain, Options o, java.io.PrintStream progress)
      throws IOException {
    boolean warm = o.mavenJvm() == MavenJvm.WARM;
    java.util.Optional<String> archive = Warm.bases(cases, plain, o.work(), progress, !warm);
    WarmBuilds jvms =
        warm
            ? WarmBuilds.start(plain, o.work().resolve("jvms"))
            : WarmBuilds.none(
                archive.map(f -> plain.withEnv(Warmup.withOpts(plain.env(), f))).orElse(plain));
    progress.printf("builds    %s%n", jvms.description());
    return jvms;
  }

  /** Checks the selected cases themselves (see {@link SelfTest}), N at a time. */
  public static List<SelfTest.Verdict> selfTest(
      Options o, Environment env, java.io.PrintStream progress)
      throws IOException, GoldenSet.GoldenException, InterruptedException {
    List<GoldenCase> cases = select(o);
    Environment plain =
        env.withEnv(
            CaseRunner.caseEnv(
                env.env(), Files.createDirectories(o.work().resolve("state")), null, false));
    try (WarmBuilds jvms = prepare(cases, plain, o, progress)) {
      return inParallel(
          cases,
          o.jobs(),
          (c, n) -> {
            Path dir = o.work().resolve("self-test").resolve(String.format("%04d", n));
            SelfTest.Verdict v = SelfTest.check(c, dir, jvms.env());
            synchronized (progress) {
              progress.printf(
                  "%-5s     %s%s%n",
                  v.ok() ? "ok" : "BAD", v.id(), v.ok() ? "" : ": " + v.problem());
            }
            return v;
          });
    }
  }

  /** Each case, {@code jobs} at a time; the work contains its own failures. */
  private static <T> List<T> inParallel(
      List<GoldenCase> cases, int jobs, java.util.function.BiFunction<GoldenCase, Integer, T> work)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        GoldenCase c = cases.get(i);
        int n = i;
        futures.add(pool.submit(() -> work.apply(c, n)));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a case failed outside its own containment", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<GoldenCase> select(Options o) throws IOException, GoldenSet.GoldenException {
    List<GoldenCase> all = GoldenSet.load(o.golden());
    List<GoldenCase> cases =
        o.slices().isEmpty()
            ? all
            : all.stream().filter(c -> o.slices().stream().anyMatch(c::hasTagValue)).toList();
    if (cases.isEmpty()) {
      throw new GoldenSet.GoldenException("no case has the slice(s) " + o.slices());
    }
    return cases;
  }

  /** The configuration the cases are healed with: {@code --config}'s, else the defaults. */
  private static SelfhealConfig config(Options o) throws GoldenSet.GoldenException {
    if (o.config() == null) {
      return SelfhealConfig.defaults();
    }
    try {
      return dev.selfheal.config.ConfigLoader.load(o.golden(), o.config());
    } catch (dev.selfheal.config.ConfigException e) {
      throw new GoldenSet.GoldenException(e.getMessage());
    }
  }

  static Scorecard readBaseline(Path f) throws GoldenSet.GoldenException {
    try {
      Scorecard s = Json.mapper().readValue(f.toFile(), Scorecard.class);
      if (!Scorecard.SCHEMA.equals(s.schema())) {
        throw new GoldenSet.GoldenException(f + ": not a " + Scorecard.SCHEMA + " scorecard");
      }
      return s;
    } catch (IOException e) {
      throw new GoldenSet.GoldenException(
          "--baseline " + f + ": cannot read it as a scorecard: " + e.getMessage());
    }
  }

  static Scorecard score(
      List<CaseRunner.Result> results,
      String llmMode,
      JudgeGrader.Run judged,
      Scorecard.Builds builds,
      SelfhealConfig config) {
    Map<String, long[]> slices = new TreeMap<>();
    List<Scorecard.CaseResult> out = new ArrayList<>();
    double structure = 0;
    double judge = 0;
    int judgedCases = 0;
    int misses = 0;
    for (CaseRunner.Result r : results) {
      Boolean top5 = LocalizationAccuracy.inTop(r.report());
      for (String v : r.c().tags().values()) {
        long[] c = slices.computeIfAbsent(v, k -> new long[4]);
        c[0]++;
        c[1] += r.passed() ? 1 : 0;
        c[2] += top5 == null ? 0 : 1;
        c[3] += Boolean.TRUE.equals(top5) ? 1 : 0;
      }
      Grade st = r.grades().get("structure");
      structure += st == null || st.score() == null ? 0 : st.score();
      Grade j = r.grades().get("judge");
      if (j != null && j.ran()) {
        judge += j.score();
        judgedCases++;
      }
      misses += r.llmMisses();
      out.add(
          new Scorecard.CaseResult(
              r.c().id(),
              new TreeMap<>(r.c().tags()),
              r.passed(),
              r.status() == null ? "crashed" : r.status().wire(),
              r.grades(),
              r.seconds(),
              r.report() == null ? 0.0 : r.report().llm().costUsd(),
              top5));
    }
    Map<String, Scorecard.Slice> sl = new LinkedHashMap<>();
    slices.forEach(
        (k, v) ->
            sl.put(
                k,
                new Scorecard.Slice(
                    (int) v[0],
                    Scorecard.points(v[1], v[0]),
                    v[2] == 0 ? null : (int) v[2],
                    v[2] == 0 ? null : Scorecard.points(v[3], v[2]))));
    long passed = results.stream().filter(CaseRunner.Result::passed).count();
    Map<String, String> graders = new LinkedHashMap<>();
    graders.put("execution", "ran");
    graders.put("structure", "ran");
    String asked = llmMode.equals("replay") ? "replayed" : "ran";
    graders.put(
        "judge",
        !judged.ran()
            ? "skipped: no LLM provider configured and no recordings"
            : judgedCases > 0
                ? asked
                : asked + ", but no fix got a verdict (each case's judge grade says why)");
    return new Scorecard(
        Scorecard.SCHEMA,
        results.size(),
        Scorecard.points(passed, results.size()),
        sl,
        results.isEmpty() ? null : Math.round(1000.0 * structure / results.size()) / 10.0,
        judgedCases == 0 ? null : Math.round(1000.0 * judge / judgedCases) / 10.0,
        version(),
        configHash(config, llmMode),
        graders,
        new Scorecard.Llm(llmMode, misses, judged.misses()),
        builds,
        out);
  }

  static String version() {
    return dev.selfheal.model.SelfhealVersion.current();
  }

  /** What decides the healer's behaviour: its default configuration, its recipes, the LLM mode. */
  static String configHash(SelfhealConfig config, String llmMode) {
    StringBuilder b = new StringBuilder(config.toString());
    dev.selfheal.pipeline.HealPipeline.recipeIds().forEach(r -> b.append("\n").append(r));
    b.append('\n').append(llmMode);
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
