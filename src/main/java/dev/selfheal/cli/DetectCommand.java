package dev.selfheal.cli;

import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.DetectService;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.Json;
import dev.selfheal.pipeline.Progress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `selfheal detect`: the structured failures of the check command or of a CI log. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description =
        "Runs the check command (or reads a CI log) and lists what failed. Exit 3 when failures were found.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  selfheal detect                      # run the check command, list what failed",
      "  selfheal detect --logs=ci.log --json # failures from a CI log, as JSON",
      "Exit: 0 the command passed, 3 failures found, 2 bad usage, 1 internal error."
    })
public final class DetectCommand implements Callable<Integer> {
  private final Environment env;

  public DetectCommand(Environment env) {
    this.env = env;
  }

  @Mixin RepoOptions where;

  @ArgGroup(exclusive = true)
  Source source = new Source();

  static final class Source {
    @Option(
        names = "--command",
        paramLabel = "CMD",
        description = "the check command (default: config, else inferred from the build)")
    String command;

    @Option(
        names = "--logs",
        paramLabel = "FILE",
        description = "read failures from this log instead of running the command")
    Path logs;
  }

  @Option(names = "--json", description = "print {\"failures\": [...]} on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    DetectService.Result r =
        new DetectService(env)
            .detect(
                where.repo, source.command, source.logs, where.config, new Progress(System.err));
    r.detection().notices().forEach(n -> System.err.println("notice    " + n));
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("failures", r.detection().failures());
      out.put("notices", r.detection().notices());
      out.put("tests_executed", r.detection().outcomes().size());
      System.out.println(env.redactor().redact(Json.mapper().writeValueAsString(out)));
    } else {
      System.out.print(env.redactor().redact(FailureTable.render(r.detection().failures())));
    }
    return r.detection().passed() ? ExitCode.OK : ExitCode.NEEDS_PERSON;
  }
}
