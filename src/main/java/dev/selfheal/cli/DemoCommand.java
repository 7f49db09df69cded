package dev.selfheal.cli;

import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.DetectService;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.Examples;
import dev.selfheal.pipeline.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `selfheal demo`: the bundled broken example, copied to a temporary folder and run end to end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Copies a bundled broken Maven project to a temporary folder and runs selfheal on it, offline.")
public final class DemoCommand implements Callable<Integer> {
  private final Environment env;

  public DemoCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Examples.extract("demo-shop", Files.createTempDirectory("selfheal-demo-"));
    System.err.println(
        "demo      a small Maven project whose last change dropped an import: " + dir);
    DetectService.Result r =
        new DetectService(env).detect(dir, "mvn -B verify", null, null, new Progress(System.err));
    System.err.print(FailureTable.render(r.detection().failures()));
    System.err.println("demo      the run's record: " + r.run().path());
    return r.detection().failures().isEmpty() ? ExitCode.OK : ExitCode.NEEDS_PERSON;
  }
}
