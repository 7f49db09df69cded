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
    Long githubRun,
    boolean rehearsal) {
  /**
   * @param repo null: found from the current folder
   * @param rehearsal a demo's, an eval's or a drill's heal: never recorded in the team's history
   */
  public HealRequest {
    Objects.requireNonNull(mode, "mode");
  }

  public HealRequest(
      Path repo,
      String command,
      Path logs,
      HealReport.DeliveryMode mode,
      Path reportFile,
      Path configFile,
      boolean noLlm,
      Long githubRun) {
    this(repo, command, logs, mode, reportFile, configFile, noLlm, githubRun, false);
  }

  /** The same heal as a rehearsal (demo, eval, drill): not the team's history. */
  public HealRequest asRehearsal() {
    return new HealRequest(
        repo, command, logs, mode, reportFile, configFile, noLlm, githubRun, true);
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
    this(repo, command, logs, mode, reportFile, configFile, noLlm, null, false);
  }
}
