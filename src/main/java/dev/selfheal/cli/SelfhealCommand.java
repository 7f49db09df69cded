package dev.selfheal.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: lists the subcommands. */
@Command(
    name = "selfheal",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Turns a red build into a validated, reviewable fix.",
    subcommands = {
      HealCommand.class,
      DetectCommand.class,
      InitCommand.class,
      ReportCommand.class,
      SyncCommand.class,
      EvalCommand.class,
      DrillCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  selfheal demo                 # heal a bundled broken project, offline",
      "  selfheal heal                 # heal the repository you are in (a dry run)",
      "  selfheal init                 # the GitHub workflow that heals failed CI runs",
      "  selfheal help heal            # one command's options and examples",
      "  source <(selfheal generate-completion)   # tab completion in bash or zsh"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:healed, nothing to heal, or only a flaky failure",
      "3:a person must look (not reproduced, not healed, refused; detect: failures found)",
      "2:bad usage or configuration",
      "1:internal error"
    })
public final class SelfhealCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: choose one of " + spec.subcommands().keySet());
  }
}
