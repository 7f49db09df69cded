package dev.selfheal.detect.parsers;

import dev.selfheal.detect.Draft;
import dev.selfheal.detect.Findings;
import dev.selfheal.detect.LogParser;
import dev.selfheal.detect.ParseContext;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven's own failures: unresolvable dependencies, plugins and parents; the enforcer's
 * dependency-convergence errors; compiler errors that name no file (a bad {@code -source}); and, as
 * a fallback, the "Failed to execute goal" line every failed build ends with.
 */
public final class MavenParser implements LogParser {
  private static final Pattern RESOLVE =
      Pattern.compile(
          "^Failed to execute goal on project ([\\w.-]+): (Could not resolve dependencies for project [^:]+:[^:]+:[^:]+:[^:]+: )?(.*?)(?: -> \\[Help \\d+\\])?$");
  // Maven words a missing artifact differently on a first try and when the miss is cached.
  private static final Pattern ARTIFACT =
      Pattern.compile(
          "(?:Could not find artifact|Could not transfer artifact|Failure to find) (\\S+)"
              + "|(\\S+:\\S+:\\S+:\\S+) was not found in");
  private static final Pattern CONVERGENCE =
      Pattern.compile(
          "^Dependency convergence error for ([\\w.-]+):([\\w.-]+):(?:[\\w-]+:)?([\\w.-]+)[.:]? ?[Pp]aths to dependency are:?$");
  private static final Pattern PATH_NODE =
      Pattern.compile("\\+-([\\w.-]+):([\\w.-]+):[\\w-]+:([\\w.-]+)");
  private static final Pattern GOAL =
      Pattern.compile(
          "^Failed to execute goal (\\S+) \\(([^)]*)\\) on project ([\\w.-]+): (.*?)(?: -> \\[Help \\d+\\])?$");
  private static final Pattern NON_RESOLVABLE =
      Pattern.compile(
          "^(?:\\[ERROR\\]\\s+)?(Non-resolvable (?:parent POM|import POM).*|Plugin .* or one of its dependencies could not be resolved.*)$");

  private final List<Failure> out = new ArrayList<>();
  private final List<Failure> fallback = new ArrayList<>();
  private final Map<String, Draft> convergence = new LinkedHashMap<>();
  private final Map<String, Set<String>> versions = new LinkedHashMap<>();
  private String convergenceKey;
  private boolean inCompilationBlock;

  @Override
  public String tool() {
    return "maven";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (!MavenLine.isError(raw)) {
      // The block is framed by "[INFO] ----" rules; any other INFO line ends it.
      if (raw.startsWith("[INFO]") && !raw.startsWith("[INFO] ---")) {
        inCompilationBlock = false;
        convergenceKey = null;
      }
      return;
    }
    String body = MavenLine.body(raw);
    if (body.startsWith("COMPILATION ERROR")) {
      inCompilationBlock = true;
      return;
    }
    if (body.startsWith("Failed to execute goal")) {
      inCompilationBlock = false; // with -q no INFO line closes the block; this line always does
    }
    if (inCompilationBlock
        && !body.isBlank()
        && body.indexOf(".java:") < 0
        && !body.startsWith(" ")) {
      Findings.add(
          out,
          new Draft(FailureKind.BUILD_ERROR, tool(), ctx)
              .at(pom(ctx), null, null)
              .message(body.strip())
              .excerpt(body)
              .build());
      return;
    }
    if (body.startsWith("Failed to execute goal on project")) {
      Matcher m = RESOLVE.matcher(body);
      if (m.matches()) {
        String reason = m.group(3);
        Matcher a = ARTIFACT.matcher(reason);
        String artifact = a.find() ? (a.group(1) != null ? a.group(1) : a.group(2)) : null;
        String project = m.group(1);
        Findings.add(
            out,
            new Draft(FailureKind.DEPENDENCY_ERROR, tool(), ctx)
                .at(pom(ctx), null, null)
                .message(artifact != null ? "Could not resolve artifact " + artifact : reason)
                .excerpt(body)
                .details(d -> d.withSymbol(artifact, "project " + project))
                .build());
        return;
      }
    }
    Matcher nr = NON_RESOLVABLE.matcher(body);
    if (nr.matches()) {
      Findings.add(
          out,
          new Draft(FailureKind.DEPENDENCY_ERROR, tool(), ctx)
              .at(pom(ctx), null, null)
              .message(nr.group(1).replaceAll(" -> \\[Help \\d+\\]$", ""))
              .excerpt(body)
              .build());
      return;
    }
    Matcher c = CONVERGENCE.matcher(body.strip());
    if (c.matches()) {
      convergenceKey = c.group(1) + ":" + c.group(2);
      convergence.computeIfAbsent(
          convergenceKey,
          k ->
              new Draft(FailureKind.DEPENDENCY_ERROR, tool(), ctx)
                  .at(pom(ctx), null, null)
                  .details(d -> d.withRule("dependencyConvergence"))
                  .excerpt(body.strip()));
      return;
    }
    if (convergenceKey != null) {
      Matcher n = PATH_NODE.matcher(body);
      while (n.find()) {
        if ((n.group(1) + ":" + n.group(2)).equals(convergenceKey)) {
          versions.computeIfAbsent(convergenceKey, k -> new LinkedHashSet<>()).add(n.group(3));
        }
      }
      if (body.contains("+-") || body.strip().equals("and")) {
        return;
      }
      convergenceKey = null;
    }
    Matcher g = GOAL.matcher(body);
    if (g.matches()) {
      Findings.add(
          fallback,
          new Draft(FailureKind.BUILD_ERROR, tool(), ctx)
              .at(pom(ctx), null, null)
              .message(
                  g.group(1).replaceAll(":[\\d.]+(-[\\w]+)?:", ":")
                      + " failed: "
                      + g.group(4).strip())
              .details(d -> d.withSymbol(null, "project " + g.group(3)))
              .excerpt(body)
              .build());
    }
  }

  private static String pom(ParseContext ctx) {
    return ctx.paths().files().exists("pom.xml") ? "pom.xml" : null;
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    convergence.forEach(
        (key, draft) -> {
          Set<String> vs = versions.getOrDefault(key, Set.of());
          String symbol = key + (vs.isEmpty() ? "" : " " + String.join(", ", vs));
          draft.message(
              "Dependency convergence error for "
                  + key
                  + (vs.isEmpty() ? "" : ": versions " + String.join(", ", vs)));
          draft.details(d -> d.withSymbol(symbol, null));
          Findings.add(out, draft.build());
        });
    convergence.clear();
    return out;
  }

  @Override
  public List<Failure> fallbacks(ParseContext ctx) {
    return fallback;
  }
}
