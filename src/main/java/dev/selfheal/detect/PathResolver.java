package dev.selfheal.detect;

import java.nio.file.Path;

/**
 * Makes the paths a log prints repo-relative: absolute under the repo, absolute from the CI
 * machine's checkout, relative to a module, or a class name from a stack frame.
 */
public final class PathResolver {
  private final RepoFiles files;
  private final String rootPrefix;

  public PathResolver(RepoFiles files) {
    this.files = files;
    String r = files.root().toAbsolutePath().normalize().toString().replace('\\', '/');
    this.rootPrefix = r.endsWith("/") ? r : r + "/";
  }

  public RepoFiles files() {
    return files;
  }

  /** The repo-relative path of a printed path; the cleaned path itself when nothing matches. */
  public String resolve(String printed) {
    String p = printed.strip().replace('\\', '/');
    if (p.startsWith("file://")) {
      p = p.substring("file://".length());
    }
    if (p.startsWith(rootPrefix)) {
      return p.substring(rootPrefix.length());
    }
    boolean absolute =
        p.startsWith("/") || (p.length() > 2 && p.charAt(1) == ':' && p.charAt(2) == '/');
    if (!absolute) {
      String rel = Path.of(p).normalize().toString().replace('\\', '/');
      if (files.exists(rel)) {
        return rel;
      }
      String bySuffix = files.uniqueBySuffix(rel);
      return bySuffix != null ? bySuffix : rel;
    }
    // Another machine's checkout: the longest tail of the path that exists here.
    String[] parts = p.split("/");
    for (int i = 1; i < parts.length; i++) {
      String tail = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
      if (!tail.isEmpty() && files.exists(tail)) {
        return tail;
      }
    }
    return p;
  }

  /** The file a JVM class lives in, from its name and the file name a frame prints; or null. */
  public String forClass(String className, String fileName) {
    String outer = className;
    int dollar = outer.indexOf('$');
    if (dollar > 0) {
      outer = outer.substring(0, dollar);
    }
    int dot = outer.lastIndexOf('.');
    String pkgPath = dot < 0 ? "" : outer.substring(0, dot).replace('.', '/') + "/";
    String name = fileName != null ? fileName : outer.substring(dot + 1) + ".java";
    return files.uniqueBySuffix(pkgPath + name);
  }

  public boolean isProjectFile(String relative) {
    return !relative.startsWith("/") && files.exists(relative);
  }
}
