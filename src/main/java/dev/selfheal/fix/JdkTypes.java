package dev.selfheal.fix;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The public top-level types the running JDK exports, by simple name, read from its module image
 * and cached in the state directory per JDK (the scan costs a few hundred milliseconds; the cache a
 * few). Only packages a module exports to everyone count: an import of anything else fails.
 */
public final class JdkTypes {
  private final Path cacheDir;
  private Map<String, List<String>> bySimpleName;

  /**
   * @param cacheDir where the index is kept between runs; null to scan every time
   */
  public JdkTypes(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  public synchronized List<String> named(String simpleName) throws IOException {
    if (bySimpleName == null) {
      bySimpleName = cached();
    }
    return bySimpleName.getOrDefault(simpleName, List.of());
  }

  private Map<String, List<String>> cached() throws IOException {
    if (cacheDir == null) {
      return load();
    }
    String key =
        Integer.toHexString((System.getProperty("java.home") + "|" + Runtime.version()).hashCode());
    Path file = cacheDir.resolve("jdk-types-" + key + ".txt");
    if (Files.isRegularFile(file)) {
      Map<String, List<String>> out = new HashMap<>();
      for (String fqcn : Files.readAllLines(file)) {
        int dot = fqcn.lastIndexOf('.');
        if (dot > 0) {
          out.computeIfAbsent(fqcn.substring(dot + 1), k -> new ArrayList<>()).add(fqcn);
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    Map<String, List<String>> index = load();
    Files.createDirectories(cacheDir);
    Path tmp = Files.createTempFile(cacheDir, "jdk-types", ".tmp");
    Files.write(tmp, index.values().stream().flatMap(List::stream).sorted().toList());
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return index;
  }

  /** The loaded class, for checking how it can be used; null if it cannot be loaded here. */
  public Class<?> load(String fqcn) {
    try {
      return Class.forName(fqcn, false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static Map<String, List<String>> load() throws IOException {
    Set<String> exported = new HashSet<>();
    for (Module m : ModuleLayer.boot().modules()) {
      for (ModuleDescriptor.Exports e : m.getDescriptor().exports()) {
        if (!e.isQualified()) {
          exported.add(e.source());
        }
      }
    }
    Map<String, List<String>> out = new HashMap<>();
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    try (Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
      for (Path module : modules.toList()) {
        try (Stream<Path> classes = Files.walk(module)) {
          classes.forEach(
              p -> {
                String name = p.toString();
                if (!name.endsWith(".class")
                    || name.contains("$")
                    || name.endsWith("module-info.class")
                    || name.endsWith("package-info.class")) {
                  return;
                }
                String rel = module.relativize(p).toString();
                String fqcn = rel.substring(0, rel.length() - 6).replace('/', '.');
                int dot = fqcn.lastIndexOf('.');
                if (dot > 0 && exported.contains(fqcn.substring(0, dot))) {
                  out.computeIfAbsent(fqcn.substring(dot + 1), k -> new ArrayList<>()).add(fqcn);
                }
              });
        }
      }
    }
    return out;
  }
}
