package dev.selfheal.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What `selfheal heal` was asked: where, which command, CI log or Actions run, how to deliver,
 * where to report.
 */
public record HealRequest(
    Path repo,
    String command,
    Path logs,
    HealReport.DeliveryMode mode,
    Path reportFile,
    Path configFile,
    boolean noLlm,
    Long githubRun) {
  public HealRequest {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(mode, "mode");
  }

  /** A heal from a local run or a log file (no GitHub Actions run to fetch). */
  public HealRequest(
      Path repo,
      String command,
      Path logs,
      HealReport.DeliveryMode mode,
      Path reportFile,
      Path configFile,
      boolean noLlm) {
    this(repo, command, logs, mode, reportFile, configFile, noLlm, null);
  }
}
