package dev.selfheal.pipeline;

import dev.selfheal.config.ConfigException;
import dev.selfheal.config.ConfigLoader;
import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.detect.DetectRequest;
import dev.selfheal.detect.Detection;
import dev.selfheal.detect.Detector;
import dev.selfheal.exec.CommandNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * `selfheal detect`: the check command run (or a log read) and its failures, recorded in a run
 * folder.
 */
public final class DetectService {
  private final Environment env;

  public DetectService(Environment env) {
    this.env = env;
  }

  public record Result(Detection detection, String command, Path repo, RunDir run) {}

  public Result detect(Path repoArg, String command, Path logs, Path configFile, Progress progress)
      throws UsageException, IOException {
    Path repo = Repo.require(repoArg);
    SelfhealConfig config = loadConfig(repo, configFile);
    RunDir run = RunDir.create(env.stateDir(), env.clock(), env.redactor());
    DetectRequest req;
    String cmd = null;
    if (logs != null) {
      if (command != null) {
        throw new UsageException("give --command or --logs, not both");
      }
      if (!Files.isReadable(logs) || Files.isDirectory(logs)) {
        throw new UsageException("--logs " + logs + ": no such readable file");
      }
      req = new DetectRequest(repo, null, logs, null, null);
      progress.start("detect", "reading " + logs);
    } else {
      cmd = CheckCommand.choose(command, config, repo);
      req = new DetectRequest(repo, cmd, null, config.timeouts().command(), run.file("detect.log"));
      progress.start(
          "detect", "running `" + cmd + "` in " + repo + "; its output: " + run.file("detect.log"));
    }
    Detection d;
    try (var beat =
        cmd == null
            ? (dev.selfheal.validate.Validator.Watch) () -> {}
            : progress.withEnv(env.env()).beat("detect", run.file("detect.log"))) {
      d = new Detector(env.runner()).detect(req);
    } catch (CommandNotFoundException e) {
      throw new UsageException(e.getMessage());
    } finally {
      run.redactLogs();
    }
    run.writeJson(
        "detect.json",
        Map.of(
            "command",
            cmd == null ? "" : cmd,
            "failures",
            d.failures(),
            "notices",
            d.notices(),
            "tests_executed",
            d.outcomes().size()));
    progress.done("detect", summary(d));
    return new Result(d, cmd, repo, run);
  }

  static SelfhealConfig loadConfig(Path repo, Path configFile) throws UsageException {
    try {
      return ConfigLoader.load(repo, configFile);
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static String summary(Detection d) {
    String run =
        d.run() == null
            ? "log read"
            : d.run().timedOut() ? "timed out" : "exit " + d.run().exitCode();
    return run
        + ", "
        + d.failures().size()
        + " failure"
        + (d.failures().size() == 1 ? "" : "s")
        + (d.outcomes().isEmpty() ? "" : ", " + d.outcomes().size() + " tests in fresh reports");
  }
}
