package dev.selfheal.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level types declared in the project's own Java sources (every module), by simple name: a
 * file {@code X.java} whose {@code package} line says where X lives.
 */
public final class ProjectTypes {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  public record Type(String fqcn, String file) {}

  private final Path repo;
  private Map<String, List<Type>> bySimpleName;

  public ProjectTypes(Path repo) {
    this.repo = repo;
  }

  public synchronized List<Type> named(String simpleName) throws IOException {
    if (bySimpleName == null) {
      bySimpleName = scan();
    }
    return bySimpleName.getOrDefault(simpleName, List.of());
  }

  /** The project's types declared in a package, in any module. */
  public synchronized List<Type> inPackage(String pkg) throws IOException {
    if (bySimpleName == null) {
      bySimpleName = scan();
    }
    List<Type> out = new ArrayList<>();
    for (List<Type> types : bySimpleName.values()) {
      for (Type t : types) {
        if (t.fqcn().equals(pkg + "." + t.fqcn().substring(t.fqcn().lastIndexOf('.') + 1))) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private Map<String, List<Type>> scan() throws IOException {
    Map<String, List<Type>> out = new HashMap<>();
    ProjectFiles.walk(
        repo,
        name ->
            name.endsWith(".java")
                && !name.equals("package-info.java")
                && !name.equals("module-info.java"),
        file -> {
          String name = file.getFileName().toString();
          String head =
              new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
          Matcher m = PACKAGE.matcher(head);
          String simple = name.substring(0, name.length() - 5);
          String fqcn = m.find() ? m.group(1) + "." + simple : simple;
          out.computeIfAbsent(simple, k -> new ArrayList<>())
              .add(new Type(fqcn, repo.relativize(file).toString().replace('\\', '/')));
        });
    return out;
  }
}
