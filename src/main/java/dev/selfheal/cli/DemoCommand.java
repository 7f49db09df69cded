package dev.selfheal.cli;

import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.Examples;
import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import dev.selfheal.pipeline.HealRequest;
import dev.selfheal.pipeline.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * `selfheal demo`: the bundled broken example, copied to a temporary folder and healed end to end.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Copies a bundled broken Maven project to a temporary folder and heals it, offline, with no key.")
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
    HealPipeline.Result r =
        new HealPipeline(env)
            .heal(
                new HealRequest(
                    dir, "mvn -B verify", null, HealReport.DeliveryMode.DRY_RUN, null, null, true),
                new Progress(System.err));
    HealSummary.print(r, env, System.out, System.err);
    return r.report().status().exitCode();
  }
}
