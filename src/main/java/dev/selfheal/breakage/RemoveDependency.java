package dev.selfheal.breakage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a dependency declaration from a pom, as a clean-up of "unused" dependencies does when the
 * code still needs one. Declarations inside {@code dependencyManagement} or a plugin are left
 * alone. Whether the build breaks depends on what else brings the artifact in; a removal that
 * breaks nothing is not a breakage, and the corpus says so. The fix declares it again.
 */
public final class RemoveDependency implements Operator {
  private static final Pattern DEPENDENCY =
      Pattern.compile("(?s)[ \\t]*<dependency>(.*?)</dependency>[ \\t]*\\r?\\n?");

  @Override
  public Kind kind() {
    return Kind.REMOVE_DEPENDENCY;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    List<Breakage> out = new ArrayList<>();
    for (String pom : project.poms()) {
      String text = project.text(pom);
      int deps = directDependencies(text);
      if (deps < 0) {
        continue;
      }
      int end = text.indexOf("</dependencies>", deps);
      Matcher m = DEPENDENCY.matcher(text);
      m.region(deps, end);
      while (m.find()) {
        String artifact = tag(m.group(1), "artifactId");
        String broken = text.substring(0, m.start()) + text.substring(m.end());
        out.add(
            new Breakage(
                kind().id() + ":" + pom + ":" + artifact,
                kind(),
                "remove the dependency on " + artifact + " from " + pom,
                "chore: drop unused dependency " + artifact,
                Map.of(pom, broken),
                Set.of(),
                new Expectation.Files("maven/undeclared-dependency", Map.of(pom, text))));
      }
    }
    return out;
  }

  /** The offset of the project's own {@code <dependencies>}, or -1. */
  static int directDependencies(String pom) {
    String masked = pom;
    for (String region :
        List.of(
            "<dependencyManagement>.*?</dependencyManagement>",
            "<build>.*?</build>",
            "<profiles>.*?</profiles>",
            "<!--.*?-->")) {
      masked =
          Pattern.compile("(?s)" + region)
              .matcher(masked)
              .replaceAll(m -> " ".repeat(m.group().length()));
    }
    return masked.indexOf("<dependencies>");
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*([^<]+?)\\s*</" + name + ">").matcher(xml);
    return m.find() ? m.group(1) : "?";
  }
}
