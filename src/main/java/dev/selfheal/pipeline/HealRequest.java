package dev.selfheal.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What `selfheal heal` was asked: where, which command or CI log, how to deliver, where to report.
 */
public record HealRequest(
    Path repo,
    String command,
    Path logs,
    HealReport.DeliveryMode mode,
    Path reportFile,
    Path configFile,
    boolean noLlm) {
  public HealRequest {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(mode, "mode");
  }
}
