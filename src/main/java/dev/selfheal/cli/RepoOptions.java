package dev.selfheal.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that works on a repository takes. */
final class RepoOptions {
  @Option(
      names = "--repo",
      description = "the repository (default: the current directory)",
      defaultValue = ".")
  Path repo;

  @Option(names = "--config", description = "a .selfheal.yml to use instead of the repository's")
  Path config;
}
