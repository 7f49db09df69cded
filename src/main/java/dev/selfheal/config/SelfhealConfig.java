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
    Timeouts timeouts) {

  /** Paths no fix may touch whatever the configuration says. */
  public static final List<String> ALWAYS_FORBIDDEN =
      List.of(".git/**", ".github/**", ".selfheal.yml");

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

    /** The user's globs, the defaults and the always-forbidden paths, in one list. */
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
        if (!all.contains(glob)) {
          all.add(glob);
        }
      }
      return all;
    }

    public boolean isForbidden(String path) {
      return forbiddenPaths.stream().anyMatch(g -> g.matches(path));
    }
  }

  public record Delivery(
      List<String> labels,
      List<String> reviewers,
      int maxAttemptsPerFingerprint,
      int cooldownMinutes) {
    public Delivery {
      labels = List.copyOf(labels);
      reviewers = List.copyOf(reviewers);
    }
  }

  public record Llm(
      LlmProvider provider,
      String model,
      int maxOutputTokens,
      double maxCostUsdPerHeal,
      boolean sendSource) {}

  public record Timeouts(int commandSeconds) {
    public Duration command() {
      return Duration.ofSeconds(commandSeconds);
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
