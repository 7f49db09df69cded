package dev.selfheal.pipeline;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.detect.BuildTool;
import java.nio.file.Path;

/** The check command: the one given, else the configured one, else the one the build implies. */
final class CheckCommand {
  private CheckCommand() {}

  static String choose(String given, SelfhealConfig config, Path repo) throws UsageException {
    if (given != null) {
      if (given.isBlank()) {
        throw new UsageException(
            "--command is empty; give the command that runs your checks, e.g. \"mvn -B verify\"");
      }
      return given;
    }
    if (config.command() != null) {
      return config.command();
    }
    return BuildTool.infer(repo)
        .map(BuildTool::checkCommand)
        .orElseThrow(
            () ->
                new UsageException(
                    "no build file found in "
                        + repo
                        + " (pom.xml, build.gradle, package.json, pyproject.toml…);"
                        + " pass --command \"…\" or set `command` in .selfheal.yml"));
  }
}
