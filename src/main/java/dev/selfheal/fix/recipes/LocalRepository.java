package dev.selfheal.fix.recipes;

import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.recipes.MavenArtifacts.Coordinate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The local Maven repository the build resolves from, and the jars of an artifact in it. */
final class LocalRepository {
  private LocalRepository() {}

  /** Where the build's jars live: read off a resolved jar's path, else {@code ~/.m2/repository}. */
  static Path root(FixContext ctx) throws IOException {
    for (Map.Entry<String, List<Path>> e : ctx.dependencies().classpaths().entrySet()) {
      for (Path jar : e.getValue()) {
        Optional<Coordinate> c = MavenArtifacts.ofJar(jar);
        if (c.isPresent()) {
          int depth = c.get().groupId().split("\\.").length + 3;
          Path root = jar;
          for (int i = 0; i < depth && root != null; i++) {
            root = root.getParent();
          }
          if (root != null) {
            return root;
          }
        }
      }
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /**
   * The artifact's main jars: of its version when that is a literal, else of every version held
   * (enough to tell which packages the artifact offers).
   */
  private static List<Path> jars(Path root, Coordinate c) throws IOException {
    Path dir = root.resolve(c.groupId().replace('.', '/')).resolve(c.artifactId());
    List<Path> versions = new ArrayList<>();
    if (c.version() != null && !c.version().contains("${")) {
      versions.add(dir.resolve(c.version()));
    } else if (Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(Files::isDirectory).forEach(versions::add);
      }
    }
    List<Path> out = new ArrayList<>();
    for (Path v : versions) {
      Path jar = v.resolve(c.artifactId() + "-" + v.getFileName() + ".jar");
      if (Files.isRegularFile(jar)) {
        out.add(jar);
      }
    }
    return out;
  }

  /**
   * The artifact's jars and those of what it brings in for compilation, two levels down: an
   * aggregate like {@code junit-jupiter} has no classes of its own, only dependencies that do.
   */
  static List<Path> jarsWithDependencies(FixContext ctx, Coordinate c) throws IOException {
    List<Path> out = new ArrayList<>();
    collect(root(ctx), c, 2, out);
    return out;
  }

  private static void collect(Path root, Coordinate c, int depth, List<Path> out)
      throws IOException {
    for (Path jar : jars(root, c)) {
      if (out.contains(jar)) {
        continue;
      }
      out.add(jar);
      if (depth == 0) {
        continue;
      }
      Path version = jar.getParent();
      Path pom = version.resolve(c.artifactId() + "-" + version.getFileName() + ".pom");
      if (!Files.isRegularFile(pom)) {
        continue;
      }
      Optional<PomText> p = PomText.parse(Files.readString(pom));
      if (p.isEmpty()) {
        continue;
      }
      for (PomText.Element d : p.get().all("project/dependencies/dependency")) {
        String scope = p.get().child(d, "scope").orElse("compile");
        String v = p.get().child(d, "version").orElse("");
        if (!scope.equals("compile")
            || p.get().child(d, "optional").filter("true"::equals).isPresent()
            || v.isEmpty()) {
          continue;
        }
        v = v.replace("${project.version}", version.getFileName().toString());
        if (v.contains("${")) {
          continue;
        }
        collect(
            root,
            new Coordinate(
                p.get().child(d, "groupId").orElse(""),
                p.get().child(d, "artifactId").orElse(""),
                v),
            depth - 1,
            out);
      }
    }
  }
}
