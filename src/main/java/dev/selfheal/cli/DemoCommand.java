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
        "Copies a bundled broken Maven project to a temporary folder and heals it, offline, with no key.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  selfheal demo                        # no key, no network, a few seconds of Maven"
    })
public final class DemoCommand implements Callable<Integer> {
  private final Environment env;

  public DemoCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    Path tmp = Files.createTempDirectory("selfheal-demo-");
    try {
      Path dir = Examples.extract("demo-shop", Files.createDirectories(tmp.resolve("demo-shop")));
      System.err.println(
          "demo      a small Maven project whose last change dropped an import: " + dir);
      // Its own state, removed with it: a demo is not the team's history.
      Environment own =
          env.withEnv(withState(env.env(), Files.createDirectories(tmp.resolve("state"))));
      HealPipeline.Result r =
          new HealPipeline(own)
              .heal(
                  new HealRequest(
                          dir,
                          "mvn -B verify",
                          null,
                          HealReport.DeliveryMode.DRY_RUN,
                          null,
                          null,
                          true)
                      .asRehearsal(),
                  new Progress(System.err));
      HealSummary.print(r, own, System.out, System.err, true, false);
      System.err.println();
      System.err.println(
          "next      heal your own repository: `selfheal heal` in it (a dry run: the patch is"
              + " printed, nothing changes; --apply writes it). `selfheal init` sets up the GitHub"
              + " workflow that opens a PR when CI fails.");
      return r.report().status().exitCode();
    } finally {
      DeleteTree.quietly(tmp);
    }
  }

  private static java.util.Map<String, String> withState(
      java.util.Map<String, String> base, Path state) {
    java.util.Map<String, String> env = new java.util.HashMap<>(base);
    env.keySet().removeIf(k -> k.startsWith("SELFHEAL_DB_"));
    env.put("XDG_STATE_HOME", state.toString());
    return env;
  }
}
