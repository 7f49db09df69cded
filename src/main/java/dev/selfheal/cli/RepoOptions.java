package dev.selfheal.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that works on a repository takes. */
final class RepoOptions {
  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "the repository (default: found from the current folder, as git finds its own: its"
              + " top, or the highest folder below it with a build file)")
  Path repo;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "a .selfheal.yml to use instead of the repository's")
  Path config;
}
