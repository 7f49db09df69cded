package dev.selfheal.breakage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes an import the file needs, as an over-eager "optimise imports" or a bad merge does. Only
 * imports whose type the file really uses, in files without wildcard imports (which might supply
 * the type and leave nothing broken). The fix puts it back.
 */
public final class DropImport implements Operator {
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import\\s+([\\w.]+\\.([A-Z]\\w*))\\s*;[ \\t]*\\r?\\n");

  @Override
  public Kind kind() {
    return Kind.DROP_IMPORT;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    List<Breakage> out = new ArrayList<>();
    for (String file : project.javaFiles()) {
      String text = project.text(file);
      if (text.matches("(?s).*\\bimport\\s+[\\w.]+\\.\\*\\s*;.*")) {
        continue;
      }
      String body = text.replaceAll("(?m)^import .*$", "");
      Matcher m = IMPORT.matcher(text);
      while (m.find()) {
        String simple = m.group(2);
        if (!Pattern.compile("\\b" + simple + "\\b").matcher(body).find()) {
          continue; // unused: removing it breaks nothing
        }
        String broken = text.substring(0, m.start()) + text.substring(m.end());
        String name = file.substring(file.lastIndexOf('/') + 1);
        out.add(
            new Breakage(
                kind().id() + ":" + file + ":" + m.group(1),
                kind(),
                "drop `import " + m.group(1) + ";` from " + name,
                "refactor: optimise imports in " + name,
                Map.of(file, broken),
                Set.of(),
                new Expectation.Files("java/missing-import", Map.of(file, text))));
      }
    }
    return out;
  }
}
