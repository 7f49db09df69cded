package dev.selfheal.fix;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.selfheal.vcs.BreakingChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the breaking change did to the project's Java declarations: members renamed at their
 * declaration (a member gone and one with a new name and the same parameters come in the same
 * type). Read by parsing each changed file before and after.
 */
public final class ChangeAnalysis {
  /** A member of {@code type} (simple name) renamed from {@code from} to {@code to}. */
  public record Rename(String type, String from, String to, int parameters, boolean method) {}

  private final List<Rename> renames;
  private final java.util.Set<String> changedMethods;

  private ChangeAnalysis(List<Rename> renames, java.util.Set<String> changedMethods) {
    this.renames = List.copyOf(renames);
    this.changedMethods = java.util.Set.copyOf(changedMethods);
  }

  /** {@code Type.method} of every method the change added or whose body it altered. */
  public java.util.Set<String> changedMethods() {
    return changedMethods;
  }

  public List<Rename> renames() {
    return renames;
  }

  public Optional<Rename> renameOf(String type, String member, boolean method) {
    List<Rename> hits =
        renames.stream()
            .filter(r -> r.type().equals(type) && r.from().equals(member) && r.method() == method)
            .toList();
    return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
  }

  public static ChangeAnalysis of(BreakingChange change) {
    List<Rename> out = new ArrayList<>();
    java.util.Set<String> changed = new java.util.HashSet<>();
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    for (BreakingChange.FileChange f : change.files()) {
      if (!f.path().endsWith(".java") || f.before() == null || f.after() == null) {
        continue;
      }
      Optional<CompilationUnit> before = parser.parse(f.before()).getResult();
      Optional<CompilationUnit> after = parser.parse(f.after()).getResult();
      if (before.isEmpty() || after.isEmpty()) {
        continue;
      }
      Map<String, TypeDeclaration<?>> afterTypes = types(after.get());
      types(before.get())
          .forEach(
              (name, old) -> {
                TypeDeclaration<?> now = afterTypes.get(name);
                if (now != null) {
                  out.addAll(methodRenames(name, old, now));
                  out.addAll(fieldRenames(name, old, now));
                  changed.addAll(changedBodies(name, old, now));
                }
              });
    }
    return new ChangeAnalysis(out, changed);
  }

  private static Map<String, TypeDeclaration<?>> types(CompilationUnit cu) {
    Map<String, TypeDeclaration<?>> out = new LinkedHashMap<>();
    cu.findAll(TypeDeclaration.class).forEach(t -> out.put(t.getNameAsString(), t));
    return out;
  }

  private static List<Rename> methodRenames(
      String type, TypeDeclaration<?> before, TypeDeclaration<?> after) {
    Map<String, MethodDeclaration> was = signatures(before);
    Map<String, MethodDeclaration> now = signatures(after);
    List<Rename> out = new ArrayList<>();
    for (Map.Entry<String, MethodDeclaration> gone : was.entrySet()) {
      if (now.containsKey(gone.getKey())) {
        continue;
      }
      String params = gone.getKey().substring(gone.getKey().indexOf('('));
      List<MethodDeclaration> added =
          now.entrySet().stream()
              .filter(
                  e ->
                      !was.containsKey(e.getKey())
                          && e.getKey().endsWith(params)
                          && e.getValue().isStatic() == gone.getValue().isStatic())
              .map(Map.Entry::getValue)
              .toList();
      if (added.size() == 1) {
        out.add(
            new Rename(
                type,
                gone.getValue().getNameAsString(),
                added.get(0).getNameAsString(),
                gone.getValue().getParameters().size(),
                true));
      }
    }
    return out;
  }

  /** {@code Type.method} of each method added, or whose body differs, between the two versions. */
  private static List<String> changedBodies(
      String type, TypeDeclaration<?> before, TypeDeclaration<?> after) {
    Map<String, MethodDeclaration> was = signatures(before);
    List<String> out = new ArrayList<>();
    signatures(after)
        .forEach(
            (sig, m) -> {
              MethodDeclaration old = was.get(sig);
              if (old == null
                  || !old.getBody()
                      .map(Object::toString)
                      .equals(m.getBody().map(Object::toString))) {
                out.add(type + "." + m.getNameAsString());
              }
            });
    return out;
  }

  private static Map<String, MethodDeclaration> signatures(TypeDeclaration<?> t) {
    Map<String, MethodDeclaration> out = new LinkedHashMap<>();
    for (MethodDeclaration m : t.getMethods()) {
      StringBuilder sig = new StringBuilder(m.getNameAsString()).append('(');
      m.getParameters().forEach(p -> sig.append(p.getType().asString()).append(','));
      out.put(sig.append(')').toString(), m);
    }
    return out;
  }

  private static List<Rename> fieldRenames(
      String type, TypeDeclaration<?> before, TypeDeclaration<?> after) {
    Map<String, String> was = fields(before);
    Map<String, String> now = fields(after);
    List<Rename> out = new ArrayList<>();
    for (Map.Entry<String, String> gone : was.entrySet()) {
      if (now.containsKey(gone.getKey())) {
        continue;
      }
      List<String> added =
          now.entrySet().stream()
              .filter(e -> !was.containsKey(e.getKey()) && e.getValue().equals(gone.getValue()))
              .map(Map.Entry::getKey)
              .toList();
      if (added.size() == 1) {
        out.add(new Rename(type, gone.getKey(), added.get(0), 0, false));
      }
    }
    return out;
  }

  private static Map<String, String> fields(TypeDeclaration<?> t) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldDeclaration f : t.getFields()) {
      f.getVariables()
          .forEach(
              v ->
                  out.put(
                      v.getNameAsString(),
                      v.getType().asString() + (f.isStatic() ? " static" : "")));
    }
    return out;
  }
}
