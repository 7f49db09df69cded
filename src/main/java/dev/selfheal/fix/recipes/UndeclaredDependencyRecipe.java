package dev.selfheal.fix.recipes;

import dev.selfheal.fix.DependencyIndex;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.FixRecipe;
import dev.selfheal.fix.ProjectTypes;
import dev.selfheal.fix.recipes.MavenArtifacts.Coordinate;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import dev.selfheal.vcs.BreakingChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "package X does not exist" where X lives in an artifact the module does not declare but the build
 * already resolves: a sibling module of the reactor, a jar on another module's classpath, or a
 * dependency the breaking change removed from this module's pom. Declares it in the module's pom
 * with the version the build already uses (none when a parent manages it); test scope for test
 * sources. More than one artifact offering the package: said so, below any sensible threshold.
 */
public final class UndeclaredDependencyRecipe implements FixRecipe {
  static final String ID = "maven/undeclared-dependency";
  private static final Pattern MISSING = Pattern.compile("^package ([\\w.]+) does not exist");

  /**
   * @param pom where to declare it: null for the failing module's own pom
   * @param scope the scope to declare: null to derive it from the failing file
   */
  private record Candidate(
      Coordinate coordinate, String evidence, double confidence, String pom, String scope) {
    Candidate(Coordinate coordinate, String evidence, double confidence) {
      this(coordinate, evidence, confidence, null, null);
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Declares a dependency the module uses but does not declare, at the version the build"
        + " already uses.";
  }

  @Override
  public boolean appliesTo(Failure f) {
    return CompileErrors.inJavaFile(f) && MISSING.matcher(f.message()).find();
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    Matcher m = MISSING.matcher(f.message());
    if (!m.find()) {
      return Optional.empty();
    }
    String pkg = m.group(1);
    String module = DependencyIndex.moduleOf(ctx.repo(), f.file());
    String pomFile = MavenArtifacts.pomOf(module);
    if (!ctx.repo().resolve(pomFile).toFile().isFile()) {
      return Optional.empty();
    }
    Optional<PomText> pom = PomText.parse(ctx.read(pomFile));
    if (pom.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Candidate> found = new LinkedHashMap<>();
    if (!siblings(ctx, pkg, module, pom.get(), found)) {
      return Optional.empty(); // the package is this module's own: not a dependency problem
    }
    if (!otherClasspaths(ctx, pkg, f.file(), found)) {
      return Optional.empty(); // already on this module's classpath: something else is wrong
    }
    removedByChange(ctx, pkg, module, found);
    found
        .values()
        .removeIf(
            cand ->
                cand.pom() == null
                    && MavenArtifacts.declares(
                        pom.get(), "project/dependencies", cand.coordinate().ga()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Candidate pick = found.values().iterator().next();
    String target = pick.pom() == null ? pomFile : pick.pom();
    Optional<PomText> targetPom = target.equals(pomFile) ? pom : PomText.parse(ctx.read(target));
    if (targetPom.isEmpty()
        || MavenArtifacts.declares(
            targetPom.get(), "project/dependencies", pick.coordinate().ga())) {
      return Optional.empty();
    }
    Coordinate c = pick.coordinate();
    String targetModule = target.contains("/") ? target.substring(0, target.lastIndexOf('/')) : "";
    if (c.version() != null
        && pick.pom() == null
        && MavenArtifacts.managed(ctx, targetModule, c.ga())) {
      c = new Coordinate(c.groupId(), c.artifactId(), null);
    }
    boolean test = f.file().contains("/src/test/") || f.file().startsWith("src/test/");
    String scope = pick.scope() != null ? pick.scope() : test ? "test" : null;
    String xml =
        MavenArtifacts.dependencyXml(
            c, scope == null || scope.isEmpty() ? null : scope, targetPom.get().unit());
    String after = insert(targetPom.get(), xml);
    pomFile = target;
    double confidence = found.size() == 1 ? pick.confidence() : 0.4;
    String why =
        found.size() == 1
            ? pick.evidence()
            : found.size()
                + " artifacts offer package "
                + pkg
                + " ("
                + String.join(", ", found.keySet())
                + "); which one is meant cannot be told";
    Diagnosis d =
        new Diagnosis(
            pomFile + " does not declare " + c.ga() + ", which provides package " + pkg,
            Category.DEPENDENCY_ISSUE,
            List.of(pomFile, f.file()),
            confidence,
            "javac: package "
                + pkg
                + " does not exist at "
                + f.file()
                + ":"
                + f.line()
                + "; "
                + why
                + (c.version() == null ? " (its version is managed by a parent pom)." : "."),
            DiagnosisSource.RULES);
    return Optional.of(
        new Fix(
            List.of(f.fingerprint()),
            d,
            ID,
            List.of(new Edit(pomFile, targetPom.get().text(), after))));
  }

  private static String insert(PomText pom, String xml) {
    Optional<PomText.Element> deps = pom.first("project/dependencies");
    if (deps.isPresent()) {
      return pom.insertLast(deps.get(), xml);
    }
    String block = "<dependencies>\n" + indent(xml, pom.unit()) + "\n</dependencies>";
    Optional<PomText.Element> build = pom.first("project/build");
    return build.isPresent()
        ? pom.insertBefore(build.get(), block)
        : pom.insertLast(pom.first("project").orElseThrow(), block);
  }

  static String indent(String block, String unit) {
    return unit + block.replace("\n", "\n" + unit);
  }

  /** Reactor modules declaring the package; false when it is the failing module's own. */
  private static boolean siblings(
      FixContext ctx, String pkg, String module, PomText pom, Map<String, Candidate> out)
      throws IOException {
    String version = pom.coordinate("version").orElse(null);
    String self = pom.coordinate("artifactId").orElse("");
    for (ProjectTypes.Type t : ctx.projectTypes().inPackage(pkg)) {
      String other = DependencyIndex.moduleOf(ctx.repo(), t.file());
      if (other.equals(module)) {
        return false;
      }
      Optional<PomText> op = PomText.parse(ctx.read(MavenArtifacts.pomOf(other)));
      if (op.isEmpty()
          || op.get().coordinate("packaging").filter("pom"::equals).isPresent()
          || MavenArtifacts.declares(op.get(), "project/dependencies", groupOf(pom) + ":" + self)) {
        continue; // an aggregator, or a module that depends on this one: no cycles
      }
      String g = op.get().coordinate("groupId").orElse(null);
      String a = op.get().coordinate("artifactId").orElse(null);
      String v = op.get().coordinate("version").orElse(null);
      if (g == null || a == null) {
        continue;
      }
      Coordinate c =
          new Coordinate(g, a, v != null && v.equals(version) ? "${project.version}" : v);
      out.putIfAbsent(
          c.ga(),
          new Candidate(
              c,
              "module "
                  + (other.isEmpty() ? "." : other)
                  + " ("
                  + c.ga()
                  + ") declares "
                  + t.fqcn(),
              0.85));
    }
    return true;
  }

  private static String groupOf(PomText pom) {
    return pom.coordinate("groupId").orElse("");
  }

  /** Jars offering the package on other modules' classpaths; false when on this one's. */
  private static boolean otherClasspaths(
      FixContext ctx, String pkg, String file, Map<String, Candidate> out) throws IOException {
    DependencyIndex index = ctx.dependencies();
    List<Path> own = index.classpathOf(file);
    for (Map.Entry<String, List<Path>> e : index.classpaths().entrySet()) {
      for (Path jar : e.getValue()) {
        if (!offers(index.typesIn(jar), pkg)) {
          continue;
        }
        if (own.contains(jar)) {
          return false;
        }
        Optional<Coordinate> c = MavenArtifacts.ofJar(jar);
        if (c.isPresent()) {
          String where = e.getKey().isEmpty() ? "the root module" : "module " + e.getKey();
          out.putIfAbsent(
              c.get().ga(),
              new Candidate(
                  c.get(),
                  c.get() + " provides package " + pkg + " and is already resolved for " + where,
                  0.85));
        }
      }
    }
    return true;
  }

  /**
   * Dependencies the breaking change removed from the module's pom, or from a pom in a folder above
   * it (a parent's dependencies are inherited), that offer the package: declared again where they
   * were, with the version and scope they had.
   */
  private static void removedByChange(
      FixContext ctx, String pkg, String module, Map<String, Candidate> out) throws IOException {
    String dir = module;
    while (true) {
      String pomFile = MavenArtifacts.pomOf(dir);
      Optional<BreakingChange.FileChange> change = ctx.change().file(pomFile);
      if (change.isPresent() && change.get().before() != null && change.get().after() != null) {
        removedFrom(ctx, pkg, pomFile, change.get(), out);
      }
      if (dir.isEmpty()) {
        return;
      }
      dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
    }
  }

  private static void removedFrom(
      FixContext ctx,
      String pkg,
      String pomFile,
      BreakingChange.FileChange change,
      Map<String, Candidate> out)
      throws IOException {
    Optional<PomText> before = PomText.parse(change.before());
    Optional<PomText> after = PomText.parse(change.after());
    if (before.isEmpty() || after.isEmpty()) {
      return;
    }
    for (PomText.Element d : before.get().all("project/dependencies/dependency")) {
      String g = before.get().child(d, "groupId").orElse("");
      String a = before.get().child(d, "artifactId").orElse("");
      String v = before.get().child(d, "version").orElse(null);
      if (MavenArtifacts.declares(after.get(), "project/dependencies", g + ":" + a)) {
        continue;
      }
      Coordinate c = new Coordinate(g, a, v);
      for (Path jar : LocalRepository.jarsWithDependencies(ctx, c)) {
        if (offers(ctx.dependencies().typesIn(jar), pkg)) {
          out.put(
              c.ga(),
              new Candidate(
                  c,
                  "the breaking change removed "
                      + c.ga()
                      + " from "
                      + pomFile
                      + ", and that artifact provides package "
                      + pkg,
                  0.9,
                  pomFile,
                  before.get().child(d, "scope").orElse("")));
          break;
        }
      }
    }
  }

  private static boolean offers(List<String> types, String pkg) {
    for (String t : types) {
      if (t.startsWith(pkg) && t.lastIndexOf('.') == pkg.length()) {
        return true;
      }
    }
    return false;
  }
}
