package dev.selfheal.fix.recipes;

import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.FixRecipe;
import dev.selfheal.fix.recipes.MavenArtifacts.Coordinate;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Fix;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The enforcer's dependency-convergence rule failed: several versions of one artifact reach the
 * build. Pins the highest of them in the pom's {@code dependencyManagement}, which every path then
 * resolves to; the tests decide whether the older users live with it.
 */
public final class DependencyConvergenceRecipe implements FixRecipe {
  static final String ID = "maven/pin-converged-version";
  private static final Pattern SYMBOL = Pattern.compile("^([\\w.-]+):([\\w.-]+) (.+)$");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Pins the highest of an artifact's conflicting versions in dependencyManagement.";
  }

  @Override
  public boolean appliesTo(Failure f) {
    return f.kind() == FailureKind.DEPENDENCY_ERROR
        && "dependencyConvergence".equals(f.details().rule())
        && f.file() != null
        && f.file().endsWith("pom.xml")
        && f.details().symbol() != null;
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    Matcher m = SYMBOL.matcher(f.details().symbol());
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> versions = Arrays.stream(m.group(3).split(",\\s*")).map(String::strip).toList();
    if (versions.size() < 2) {
      return Optional.empty();
    }
    String highest = versions.stream().max(VERSIONS).orElseThrow();
    Coordinate c = new Coordinate(m.group(1), m.group(2), highest);
    Optional<PomText> parsed = PomText.parse(ctx.read(f.file()));
    if (parsed.isEmpty()
        || MavenArtifacts.declares(
            parsed.get(), "project/dependencyManagement/dependencies", c.ga())) {
      return Optional.empty(); // managed already, yet not converging: not the routine case
    }
    PomText pom = parsed.get();
    String unit = pom.unit();
    String xml = MavenArtifacts.dependencyXml(c, null, unit);
    String after;
    Optional<PomText.Element> managed = pom.first("project/dependencyManagement/dependencies");
    Optional<PomText.Element> management = pom.first("project/dependencyManagement");
    if (managed.isPresent()) {
      after = pom.insertLast(managed.get(), xml);
    } else if (management.isPresent()) {
      after =
          pom.insertLast(
              management.get(),
              "<dependencies>\n"
                  + UndeclaredDependencyRecipe.indent(xml, unit)
                  + "\n</dependencies>");
    } else {
      String block =
          "<dependencyManagement>\n"
              + UndeclaredDependencyRecipe.indent(
                  "<dependencies>\n"
                      + UndeclaredDependencyRecipe.indent(xml, unit)
                      + "\n</dependencies>",
                  unit)
              + "\n</dependencyManagement>";
      Optional<PomText.Element> anchor =
          pom.first("project/dependencies").or(() -> pom.first("project/build"));
      after =
          anchor.isPresent()
              ? pom.insertBefore(anchor.get(), block)
              : pom.insertLast(pom.first("project").orElseThrow(), block);
    }
    // A version written on a direct dependency overrides the managed one: such a declaration of
    // another version would keep the conflict, so it leaves the version to the management.
    boolean direct = false;
    PomText pinned = PomText.parse(after).orElseThrow();
    for (PomText.Element dep : pinned.all("project/dependencies/dependency")) {
      if ((pinned.child(dep, "groupId").orElse("")
                  + ":"
                  + pinned.child(dep, "artifactId").orElse(""))
              .equals(c.ga())
          && pinned.child(dep, "version").filter(v -> !v.equals(highest)).isPresent()) {
        after = pinned.remove(pinned.childElement(dep, "version").orElseThrow());
        direct = true;
        break;
      }
    }
    Diagnosis d =
        new Diagnosis(
            versions.size() + " versions of " + c.ga() + " reach the build; pinned to " + highest,
            Category.DEPENDENCY_ISSUE,
            List.of(f.file()),
            0.75,
            "maven-enforcer: dependency convergence failed for "
                + c.ga()
                + " (versions "
                + String.join(", ", versions)
                + "); managing the highest, "
                + highest
                + ", in "
                + f.file()
                + " makes every path resolve to it"
                + (direct ? " (the direct declaration's own version is dropped in its favour)" : "")
                + ", and the tests show whether the paths that wanted an older one still work.",
            DiagnosisSource.RULES);
    return Optional.of(
        new Fix(List.of(f.fingerprint()), d, ID, List.of(new Edit(f.file(), pom.text(), after))));
  }

  /** Maven-like order: numeric parts as numbers; a qualified version before its release. */
  static final Comparator<String> VERSIONS =
      (a, b) -> {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
          String p = i < x.length ? x[i] : null;
          String q = i < y.length ? y[i] : null;
          if (p == null || q == null) {
            String rest = p == null ? q : p;
            boolean qualifier = !rest.matches("\\d+");
            int sign = p == null ? 1 : -1; // the longer one is newer unless it adds a qualifier
            return qualifier ? sign : -sign;
          }
          boolean pn = p.matches("\\d{1,9}");
          boolean qn = q.matches("\\d{1,9}");
          int cmp =
              pn && qn
                  ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q))
                  : pn ? 1 : qn ? -1 : p.compareToIgnoreCase(q);
          if (cmp != 0) {
            return cmp;
          }
        }
        return 0;
      };
}
