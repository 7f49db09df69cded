package dev.selfheal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** `.selfheal.yml`, every value validated; {@link #defaults()} is DESIGN.md's table. */
public record SelfhealConfig(
    String command,
    String targetedCommand,
    Safety safety,
    Delivery delivery,
    Llm llm,
    Timeouts timeouts,
    Repair repair) {

  /** A config as the first schema had it: the logic tier at its defaults. */
  public SelfhealConfig(
      String command,
      String targetedCommand,
      Safety safety,
      Delivery delivery,
      Llm llm,
      Timeouts timeouts) {
    this(command, targetedCommand, safety, delivery, llm, timeouts, Repair.DEFAULTS);
  }

  /** Paths no fix may touch whatever the configuration says. */
  public static final List<String> ALWAYS_FORBIDDEN =
      List.of("**/.git/**", ".github/**", ".selfheal.yml", ".selfheal.yaml");

  public static final List<String> DEFAULT_FORBIDDEN =
      List.of("**/migrations/**", "**/.env*", "**/secrets/**", "**/auth/**", "**/payment/**");

  public record Safety(
      int maxFilesChanged,
      int maxLinesChanged,
      List<Glob> forbiddenPaths,
      int maxRetries,
      double confidenceThreshold,
      boolean llmMayEditBuildFiles) {
    public Safety {
      forbiddenPaths = List.copyOf(forbiddenPaths);
    }

    /** How many of {@link #forbiddenPaths} come first and hold whatever the user adds. */
    private static final int FIXED = ALWAYS_FORBIDDEN.size() + DEFAULT_FORBIDDEN.size();

    /**
     * The always-forbidden paths, the defaults, then the user's globs in their order (a user's
     * negation is meaningful only after what it re-includes).
     */
    public static List<Glob> withDefaults(List<String> userGlobs) {
      List<Glob> all = new ArrayList<>();
      for (String g : ALWAYS_FORBIDDEN) {
        all.add(Glob.of(g));
      }
      for (String g : DEFAULT_FORBIDDEN) {
        all.add(Glob.of(g));
      }
      for (String g : userGlobs) {
        Glob glob = Glob.of(g);
        int known = all.indexOf(glob);
        if (known < 0 || known >= FIXED) {
          all.add(glob); // a default repeated adds nothing; the user's own order is kept
        }
      }
      return all;
    }

    /**
     * Fails closed: a path that is not canonical is forbidden. The always-forbidden paths and the
     * defaults hold whatever follows them; among the user's own patterns the last that matches
     * decides, so a {@code !pattern} re-includes what an earlier user pattern excluded (as in
     * .gitignore), never a default.
     */
    public boolean isForbidden(String path) {
      if (dev.selfheal.model.RepoPath.problem(path).isPresent()
          || dev.selfheal.model.RepoPath.isGitInternal(path)) {
        return true;
      }
      boolean forbidden = false;
      for (int i = 0; i < forbiddenPaths.size(); i++) {
        Glob g = forbiddenPaths.get(i);
        if (!g.matches(path)) {
          continue;
        }
        if (i < FIXED) {
          return true;
        }
        forbidden = !g.negated();
      }
      return forbidden;
    }
  }

  /**
   * @param author who selfheal's commits say wrote them
   * @param healDependabot heal Dependabot's branches too (off: its PRs are a person's to judge)
   */
  public record Delivery(
      List<String> labels,
      List<String> reviewers,
      int maxAttemptsPerFingerprint,
      int cooldownMinutes,
      Author author,
      boolean healDependabot) {
    public Delivery {
      labels = List.copyOf(labels);
      reviewers = List.copyOf(reviewers);
      java.util.Objects.requireNonNull(author, "author");
    }

    public Delivery(
        List<String> labels,
        List<String> reviewers,
        int maxAttemptsPerFingerprint,
        int cooldownMinutes) {
      this(labels, reviewers, maxAttemptsPerFingerprint, cooldownMinutes, Author.DEFAULT, false);
    }
  }

  /**
   * @param callTimeoutSeconds one model call, its whole answer included
   * @param maxSecondsPerHeal all the model calls of one heal, retries and pauses included
   */
  public record Llm(
      LlmProvider provider,
      String model,
      int maxOutputTokens,
      double maxCostUsdPerHeal,
      boolean sendSource,
      int callTimeoutSeconds,
      int maxSecondsPerHeal) {
    public Llm(
        LlmProvider provider,
        String model,
        int maxOutputTokens,
        double maxCostUsdPerHeal,
        boolean sendSource) {
      this(provider, model, maxOutputTokens, maxCostUsdPerHeal, sendSource, 120, 600);
    }
  }

  public record Timeouts(int commandSeconds) {
    public Duration command() {
      return Duration.ofSeconds(commandSeconds);
    }
  }

  /**
   * The logic tier (fault localization, repair templates checked in a warm test worker).
   *
   * @param logic false turns it off
   * @param budgetSeconds localization and the candidates' checks together, per heal
   * @param maxCandidates candidates checked per heal at most
   */
  public record Repair(boolean logic, int budgetSeconds, int maxCandidates) {
    public static final Repair DEFAULTS = new Repair(true, 120, 500);

    public Repair {
      if (budgetSeconds < 1 || maxCandidates < 1) {
        throw new IllegalArgumentException("the logic tier needs a budget and a cap above zero");
      }
    }

    public Duration budget() {
      return Duration.ofSeconds(budgetSeconds);
    }
  }

  public static SelfhealConfig defaults() {
    return new SelfhealConfig(
        null,
        null,
        new Safety(3, 50, Safety.withDefaults(List.of()), 2, 0.7, false),
        new Delivery(List.of("auto-heal"), List.of(), 3, 60),
        new Llm(LlmProvider.AUTO, null, 4096, 1.00, true),
        new Timeouts(900));
  }
}
