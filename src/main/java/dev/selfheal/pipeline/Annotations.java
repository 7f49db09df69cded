package dev.selfheal.pipeline;

import dev.selfheal.model.Failure;
import dev.selfheal.model.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions' workflow commands for a heal's outcome: an {@code ::error} annotation at each
 * failure selfheal could not heal (on its file and line, so it shows in the PR's diff and the run's
 * summary), and a {@code ::notice} with the PR it opened. Redacted like everything that leaves.
 */
public final class Annotations {
  /** GitHub shows at most ten error annotations of a step. */
  static final int MAX = 10;

  private Annotations() {}

  /** The workflow command lines for this report, when running in GitHub Actions; else none. */
  public static List<String> of(HealReport r, Environment env) {
    if (!"true".equals(env.env().get("GITHUB_ACTIONS"))) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (r.status() == Status.HEALED && r.delivery().prUrl() != null) {
      out.add(
          "::notice title=selfheal proposed a fix::"
              + data(r.delivery().prUrl() + " — " + r.message()));
    }
    if (r.status() == Status.NOT_HEALED
        || r.status() == Status.REJECTED
        || r.status() == Status.NOT_REPRODUCED) {
      String title = "selfheal could not heal this (" + r.status().wire() + ")";
      for (Failure f : r.failures()) {
        if (out.size() >= MAX) {
          break;
        }
        StringBuilder cmd = new StringBuilder("::error ");
        if (f.file() != null) {
          cmd.append("file=").append(property(f.file()));
          if (f.line() != null) {
            cmd.append(",line=").append(f.line());
          }
          if (f.column() != null) {
            cmd.append(",col=").append(f.column());
          }
          cmd.append(',');
        }
        cmd.append("title=").append(property(title)).append("::");
        cmd.append(data(f.headline() + "\n" + r.reason()));
        out.add(cmd.toString());
      }
    }
    return out.stream().map(env.redactor()::redact).toList();
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
