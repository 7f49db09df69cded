package dev.selfheal.breakage;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a type to a sub-package and updates the moved file (its package line, and imports for the
 * old package's types it uses), but none of its users, as a move done outside the IDE does. Only
 * public types whose members are all public or private (so nothing in the old package loses access)
 * and that take no part in a sealed hierarchy (which must stay in one package). The fix imports the
 * type from its new package wherever it is used.
 */
public final class MoveType implements Operator {
  private static final List<String> SUBPACKAGES = List.of("core", "domain", "support");

  @Override
  public Kind kind() {
    return Kind.MOVE_TYPE;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    Map<String, Integer> simpleNames = new LinkedHashMap<>();
    Map<String, List<String>> packages = new LinkedHashMap<>();
    for (String f : project.javaFiles()) {
      String simple = f.substring(f.lastIndexOf('/') + 1, f.length() - 5);
      simpleNames.merge(simple, 1, Integer::sum);
      project
          .parse(f)
          .flatMap(CompilationUnit::getPackageDeclaration)
          .ifPresent(
              p ->
                  packages
                      .computeIfAbsent(p.getNameAsString(), k -> new ArrayList<>())
                      .add(simple));
    }
    Set<String> permitted = new java.util.HashSet<>();
    for (String f : project.javaFiles()) {
      project
          .parse(f)
          .ifPresent(
              u ->
                  u.findAll(ClassOrInterfaceDeclaration.class)
                      .forEach(
                          c ->
                              c.getPermittedTypes()
                                  .forEach(t -> permitted.add(t.getNameAsString()))));
    }
    List<Breakage> out = new ArrayList<>();
    for (String file : project.mainFiles()) {
      String simple = file.substring(file.lastIndexOf('/') + 1, file.length() - 5);
      var cu = project.parse(file);
      if (cu.isEmpty()
          || simpleNames.get(simple) != 1
          || cu.get().getPackageDeclaration().isEmpty()) {
        continue;
      }
      String pkg = cu.get().getPackageDeclaration().get().getNameAsString();
      TypeDeclaration<?> type = cu.get().getTypes().size() == 1 ? cu.get().getType(0) : null;
      if (type == null || permitted.contains(simple) || !movable(type, cu.get())) {
        continue;
      }
      String sub = SUBPACKAGES.get(Math.floorMod(simple.hashCode(), SUBPACKAGES.size()));
      String target = pkg + "." + sub;
      String oldFqcn = pkg + "." + simple;
      String newFqcn = target + "." + simple;
      String text = project.text(file);
      String moved =
          text.replaceFirst(
              "(?m)^package\\s+" + Pattern.quote(pkg) + "\\s*;", "package " + target + ";");
      List<String> neighbours = new ArrayList<>(packages.getOrDefault(pkg, List.of()));
      neighbours.remove(simple);
      String body = moved.replaceAll("(?m)^(package|import) .*$", "");
      StringBuilder imports = new StringBuilder();
      for (String n : neighbours) {
        if (Pattern.compile("\\b" + n + "\\b").matcher(body).find()) {
          imports.append("import ").append(pkg).append('.').append(n).append(";\n");
        }
      }
      moved = addImports(moved, imports.toString());
      String movedFile =
          file.substring(0, file.lastIndexOf('/')) + "/" + sub + "/" + simple + ".java";
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put(movedFile, moved);
      for (String user : project.javaFiles()) {
        if (user.equals(file)) {
          continue;
        }
        String u = project.text(user);
        String fixed = u.replaceAll("\\b" + Pattern.quote(oldFqcn) + "\\b", newFqcn);
        String userPkg =
            project
                .parse(user)
                .flatMap(CompilationUnit::getPackageDeclaration)
                .map(p -> p.getNameAsString())
                .orElse("");
        boolean importsIt = fixed.contains("import " + newFqcn + ";");
        String userBody = u.replaceAll("(?m)^(package|import) .*$", "");
        if (!importsIt
            && userPkg.equals(pkg)
            && Pattern.compile("\\b" + simple + "\\b").matcher(userBody).find()) {
          fixed = addImports(fixed, "import " + newFqcn + ";\n");
        }
        if (!fixed.equals(u)) {
          expected.put(user, fixed);
        }
      }
      if (expected.size() < 2) {
        continue; // no users: the move breaks nothing
      }
      out.add(
          new Breakage(
              kind().id() + ":" + oldFqcn,
              kind(),
              "move " + oldFqcn + " to " + target + " without updating its users",
              "refactor: move " + simple + " to " + target,
              Map.of(movedFile, moved),
              Set.of(file),
              new Expectation.Files("java/moved-type", expected)));
    }
    return out;
  }

  private static boolean movable(TypeDeclaration<?> type, CompilationUnit cu) {
    if (!type.isPublic() || cu.getTypes().size() != 1) {
      return false;
    }
    if (type instanceof ClassOrInterfaceDeclaration c
        && (c.hasModifier(Modifier.Keyword.SEALED)
            || c.hasModifier(Modifier.Keyword.NON_SEALED)
            || !c.getPermittedTypes().isEmpty())) {
      return false;
    }
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof NodeWithModifiers<?> m
          && !m.hasModifier(Modifier.Keyword.PUBLIC)
          && !m.hasModifier(Modifier.Keyword.PRIVATE)
          && !(type.isClassOrInterfaceDeclaration()
              && type.asClassOrInterfaceDeclaration().isInterface())) {
        return false; // package-private or protected: the old package would lose access
      }
    }
    return true;
  }

  static String addImports(String text, String imports) {
    if (imports.isEmpty()) {
      return text;
    }
    Matcher firstImport = Pattern.compile("(?m)^import ").matcher(text);
    if (firstImport.find()) {
      return text.substring(0, firstImport.start()) + imports + text.substring(firstImport.start());
    }
    Matcher pkg = Pattern.compile("(?m)^package .*;\\r?\\n").matcher(text);
    if (pkg.find()) {
      return text.substring(0, pkg.end()) + "\n" + imports + text.substring(pkg.end());
    }
    return imports + "\n" + text;
  }
}
