package dev.selfheal.cli;

import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Entry point: maps what went wrong to DESIGN.md's exit codes; no stack trace for expected errors.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return run(Environment.system(), args);
  }

  /**
   * Runs with the given environment: every command is built with it, so tests control state and
   * env.
   */
  public static int run(Environment env, String... args) {
    CommandLine cl = new CommandLine(new SelfhealCommand(), new EnvFactory(env));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("selfheal: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          err.println("Try `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help`.");
          return ExitCode.USAGE;
        });
    return cl.execute(args);
  }

  private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof UsageException) {
      err.println("selfheal: " + ex.getMessage());
      return ExitCode.USAGE;
    }
    if (ex instanceof NoSuchFileException nsf) {
      err.println(
          "selfheal: no such file: "
              + nsf.getFile()
              + (nsf.getReason() == null ? "" : " (" + nsf.getReason() + ")"));
      return ExitCode.USAGE;
    }
    if (ex instanceof IOException) {
      err.println("selfheal: I/O error: " + ex.getMessage());
      return ExitCode.INTERNAL_ERROR;
    }
    err.println("selfheal: internal error: " + ex + " — please report it with the command you ran");
    if (System.getenv("SELFHEAL_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    return ExitCode.INTERNAL_ERROR;
  }
}
