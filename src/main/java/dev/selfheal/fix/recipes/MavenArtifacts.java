package dev.selfheal.fix.recipes;

import dev.selfheal.fix.FixContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Maven coordinates: of a jar in a local repository, of a pom, and who manages a version. */
final class MavenArtifacts {
  record Coordinate(String groupId, String artifactId, String version) {
    String ga() {
      return groupId + ":" + artifactId;
    }

    @Override
    public String toString() {
      return ga() + (version == null ? "" : ":" + version);
    }
  }

  private MavenArtifacts() {}

  /**
   * A jar's coordinate from the {@code pom.properties} Maven builds into it, checked against the
   * local repository's layout ({@code .../artifactId/version/artifactId-version.jar}).
   */
  static Optional<Coordinate> ofJar(Path jar) {
    Path versionDir = jar.getParent();
    Path artifactDir = versionDir == null ? null : versionDir.getParent();
    if (artifactDir == null) {
      return Optional.empty();
    }
    String artifact = artifactDir.getFileName().toString();
    String version = versionDir.getFileName().toString();
    if (!jar.getFileName().toString().startsWith(artifact + "-" + version)) {
      return Optional.empty();
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      var entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().startsWith("META-INF/maven/")
            && e.getName().endsWith("/" + artifact + "/pom.properties")) {
          Properties p = new Properties();
          try (InputStream in = zip.getInputStream(e)) {
            p.load(in);
          }
          if (artifact.equals(p.getProperty("artifactId")) && p.getProperty("groupId") != null) {
            return Optional.of(new Coordinate(p.getProperty("groupId"), artifact, version));
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    // No pom.properties: the folders above the artifact up to ".../repository/" are the group.
    String s = artifactDir.getParent().toString().replace('\\', '/');
    int repo = s.lastIndexOf("/repository/");
    return repo < 0
        ? Optional.empty()
        : Optional.of(new Coordinate(s.substring(repo + 12).replace('/', '.'), artifact, version));
  }

  /** The pom of the module holding a folder, relative to the repository. */
  static String pomOf(String moduleDir) {
    return moduleDir.isEmpty() ? "pom.xml" : moduleDir + "/pom.xml";
  }

  /**
   * True when a pom of this module or an ancestor folder manages the artifact's version in its
   * {@code dependencyManagement}: a declaration must then leave the version out, since a version
   * written on the dependency overrides the managed one.
   */
  static boolean managed(FixContext ctx, String moduleDir, String ga) throws IOException {
    Path dir = ctx.repo().resolve(moduleDir).normalize();
    while (dir.startsWith(ctx.repo())) {
      String rel = ctx.repo().relativize(dir).toString().replace('\\', '/');
      if (Files.isRegularFile(dir.resolve("pom.xml"))) {
        Optional<PomText> pom = PomText.parse(ctx.read(pomOf(rel)));
        if (pom.isPresent()
            && declares(pom.get(), "project/dependencyManagement/dependencies", ga)) {
          return true;
        }
      }
      if (dir.equals(ctx.repo())) {
        break;
      }
      dir = dir.getParent();
    }
    return false;
  }

  /** True when the pom lists the artifact among the dependencies at {@code path}. */
  static boolean declares(PomText pom, String path, String ga) {
    for (PomText.Element d : pom.all(path + "/dependency")) {
      String g = pom.child(d, "groupId").orElse("");
      String a = pom.child(d, "artifactId").orElse("");
      if ((g + ":" + a).equals(ga)) {
        return true;
      }
    }
    return false;
  }

  /** The XML of a dependency, one level of {@code unit} inside; no version when managed. */
  static String dependencyXml(Coordinate c, String scope, String unit) {
    StringBuilder sb = new StringBuilder("<dependency>\n");
    sb.append(unit).append("<groupId>").append(c.groupId()).append("</groupId>\n");
    sb.append(unit).append("<artifactId>").append(c.artifactId()).append("</artifactId>\n");
    if (c.version() != null) {
      sb.append(unit).append("<version>").append(c.version()).append("</version>\n");
    }
    if (scope != null) {
      sb.append(unit).append("<scope>").append(scope).append("</scope>\n");
    }
    return sb.append("</dependency>").toString();
  }
}
