package dev.selfheal.fix.recipes;

import dev.selfheal.model.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a new import goes, as an edit anchored on an existing line: in ASCII order among the
 * non-static imports, else after the static ones, else after the package line. Nothing else in the
 * file moves.
 */
final class ImportInsertion {
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;\\s*$");
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+[\\w.]+\\s*;\\s*$");

  private ImportInsertion() {}

  static Optional<Edit> edit(String file, String source, String fqcn) {
    String stmt = "import " + fqcn + ";";
    List<String> plain = new ArrayList<>();
    String lastStatic = null;
    String pkg = null;
    for (String raw : source.split("\r?\n", -1)) {
      String line = raw.strip();
      Matcher m = IMPORT.matcher(line);
      if (m.matches()) {
        if (m.group(1) != null) {
          lastStatic = raw;
        } else {
          if (m.group(2).equals(fqcn)) {
            return Optional.empty(); // already there: nothing to do, twice or once
          }
          plain.add(raw);
        }
      } else if (pkg == null && PACKAGE.matcher(line).matches()) {
        pkg = raw;
      }
    }
    if (!plain.isEmpty()) {
      for (String existing : plain) {
        if (importName(existing).compareTo(fqcn) > 0) {
          return Optional.of(new Edit(file, existing, stmt + "\n" + existing));
        }
      }
      String last = plain.get(plain.size() - 1);
      return Optional.of(new Edit(file, last, last + "\n" + stmt));
    }
    if (lastStatic != null) {
      return Optional.of(new Edit(file, lastStatic, lastStatic + "\n\n" + stmt));
    }
    if (pkg != null) {
      return Optional.of(new Edit(file, pkg, pkg + "\n\n" + stmt));
    }
    return Optional.empty();
  }

  private static String importName(String line) {
    Matcher m = IMPORT.matcher(line.strip());
    return m.matches() ? m.group(2) : line;
  }
}
