package dev.selfheal.breakage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renames a method at its declaration only, as a rename done by hand (or in one module of a build)
 * leaves its callers behind. The fix follows the rename at every call; reverting the declaration
 * would undo the intended change, so the declaration keeps its new name.
 */
public final class RenameMethod implements Operator {
  @Override
  public Kind kind() {
    return Kind.RENAME_METHOD;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    List<Breakage> out = new ArrayList<>();
    for (Methods.Site site : Methods.changeable(project)) {
      String old = site.name();
      String renamed = newName(old, project);
      Map<String, String> expected = new LinkedHashMap<>();
      int calls = 0;
      for (String file : project.javaFiles()) {
        String text = project.text(file);
        String after = Methods.uses(old).matcher(text).replaceAll(renamed);
        if (!after.equals(text)) {
          expected.put(file, after);
          calls += Methods.uses(old).matcher(text).results().count();
        }
      }
      if (calls <= 1) {
        continue; // only the declaration: nothing would break
      }
      String text = project.text(site.file());
      int[] name = Methods.span(text, site.method().getName());
      String broken = text.substring(0, name[0]) + renamed + text.substring(name[1]);
      out.add(
          new Breakage(
              kind().id() + ":" + site.label(),
              kind(),
              "rename " + site.label() + " to " + renamed + " at its declaration only",
              "refactor: rename " + site.label() + " to " + renamed,
              Map.of(site.file(), broken),
              Set.of(),
              new Expectation.Files("java/renamed-member", expected)));
    }
    return out;
  }

  /** A new name as people pick them, not already used in the project. */
  static String newName(String old, SourceTree project) {
    String cap = Character.toUpperCase(old.charAt(0)) + old.substring(1);
    List<String> options = new ArrayList<>();
    if (old.startsWith("get") && old.length() > 3 && Character.isUpperCase(old.charAt(3))) {
      options.add(Character.toLowerCase(old.charAt(3)) + old.substring(4));
    }
    options.addAll(List.of("compute" + cap, old + "Value", "current" + cap, "resolve" + cap));
    int start = Math.floorMod(old.hashCode(), options.size());
    for (int i = 0; i < options.size(); i++) {
      String candidate = options.get((start + i) % options.size());
      boolean used =
          project.javaFiles().stream()
              .anyMatch(f -> project.text(f).matches("(?s).*\\b" + candidate + "\\b.*"));
      if (!used) {
        return candidate;
      }
    }
    return old + "Renamed";
  }
}
