package dev.selfheal.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the project's other files import a simple name: the strongest evidence of which of several
 * same-named types a file meant (a project that imports {@code java.lang.reflect.Type} throughout
 * means it again). Files of the same package count double.
 */
public final class ProjectImports {
  private ProjectImports() {}

  /** For each of {@code candidates}, how strongly the project's files import it. */
  public static Map<String, Integer> weights(Path repo, String file, List<String> candidates)
      throws IOException {
    Map<String, Integer> out = new HashMap<>();
    if (candidates.isEmpty()) {
      return out;
    }
    String simple = candidates.get(0).substring(candidates.get(0).lastIndexOf('.') + 1);
    Pattern imports =
        Pattern.compile(
            "^import\\s+([\\w.]+)\\." + Pattern.quote(simple) + "\\s*;", Pattern.MULTILINE);
    Path own = repo.resolve(file);
    Path ownDir = own.getParent();
    ProjectFiles.walk(
        repo,
        n -> n.endsWith(".java"),
        p -> {
          if (p.equals(own)) {
            return;
          }
          String text;
          try {
            text = Files.readString(p, StandardCharsets.UTF_8);
          } catch (IOException | RuntimeException e) {
            return; // not UTF-8: no evidence from it
          }
          if (!text.contains(simple)) {
            return;
          }
          Matcher m = imports.matcher(text);
          while (m.find()) {
            String fqcn = m.group(1) + "." + simple;
            if (candidates.contains(fqcn)) {
              out.merge(fqcn, p.getParent().equals(ownDir) ? 2 : 1, Integer::sum);
            }
          }
        });
    return out;
  }
}
