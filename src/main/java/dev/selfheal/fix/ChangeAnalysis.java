package dev.selfheal.fix;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.selfheal.vcs.BreakingChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the breaking change did to the project's Java declarations, read by parsing each changed
 * file before and after: members renamed at their declaration, methods whose parameters or bodies
 * changed, and types moved to another package or renamed.
 */
public final class ChangeAnalysis {
  /** A member of {@code type} (simple name) renamed from {@code from} to {@code to}. */
  public record Rename(
      String type, String from, String to, int parameters, boolean method, boolean varargs) {
    public Rename(String type, String from, String to, int parameters, boolean method) {
      this(type, from, to, parameters, method, false);
    }

    /** True when a call with this many arguments can be a call to the renamed method. */
    public boolean accepts(int arguments) {
      return varargs ? arguments >= parameters - 1 : arguments == parameters;
    }
  }

  /** A method of {@code type} whose parameters (type and name each) the change altered. */
  public record SignatureChange(
      String type, String method, List<String> before, List<String> after) {}

  /**
   * A top-level type the change moved to another package and/or renamed (fully qualified names).
   */
  public record TypeMove(String from, String to) {
    public String fromSimple() {
      return from.substring(from.lastIndexOf('.') + 1);
    }

    public String toSimple() {
      return to.substring(to.lastIndexOf('.') + 1);
    }

    public String fromPackage() {
      return from.contains(".") ? from.substring(0, from.lastIndexOf('.')) : "";
    }
  }

  private final List<Rename> renames;
  private final Set<String> changedMethods;
  private final List<SignatureChange> signatureChanges;
  private final List<TypeMove> moves;

  private ChangeAnalysis(
      List<Rename> renames,
      Set<String> changedMethods,
      List<SignatureChange> signatureChanges,
      List<TypeMove> moves) {
    this.renames = List.copyOf(renames);
    this.changedMethods = Set.copyOf(changedMethods);
    this.signatureChanges = List.copyOf(signatureChanges);
    this.moves = List.copyOf(moves);
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

  /** {@code Type.method} of every method the change added or whose body it altered. */
  public Set<String> changedMethods() {
    return changedMethods;
  }

  public List<SignatureChange> signatureChanges() {
    return signatureChanges;
  }

  public List<TypeMove> moves() {
    return moves;
  }

  public static ChangeAnalysis of(BreakingChange change, int release) {
    JavaParser parser = JavaLanguage.parser(release);
    List<Rename> renames = new ArrayList<>();
    Set<String> changed = new HashSet<>();
    List<SignatureChange> signatures = new ArrayList<>();
    for (BreakingChange.FileChange f : change.files()) {
      if (!f.path().endsWith(".java") || f.before() == null || f.after() == null) {
        continue;
      }
      Optional<CompilationUnit> before = parser.parse(f.before()).getResult();
      Optional<CompilationUnit> after = parser.parse(f.after()).getResult();
      if (before.isEmpty() || after.isEmpty()) {
        continue;
      }
      Map<String, TypeDeclaration<?>> now = types(after.get());
      types(before.get())
          .forEach(
              (name, old) -> {
                TypeDeclaration<?> t = now.get(name);
                if (t != null) {
                  renames.addAll(methodRenames(name, old, t));
                  renames.addAll(fieldRenames(name, old, t));
                  changed.addAll(changedBodies(name, old, t));
                  signatures.addAll(signatureChanges(name, old, t));
                }
              });
    }
    return new ChangeAnalysis(renames, changed, signatures, typeMoves(change, parser));
  }

  private static Map<String, TypeDeclaration<?>> types(CompilationUnit cu) {
    Map<String, TypeDeclaration<?>> out = new LinkedHashMap<>();
    cu.findAll(TypeDeclaration.class).forEach(t -> out.put(t.getNameAsString(), t));
    return out;
  }

  /** A method gone, and exactly one new method with the same parameters and staticness. */
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
                true,
                gone.getValue().getParameters().stream().anyMatch(p -> p.isVarArgs())));
      }
    }
    return out;
  }

  /** A field gone, and exactly one new field of the same type. */
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

  /** Methods that exist once, by name, in both versions, with different parameters. */
  private static List<SignatureChange> signatureChanges(
      String type, TypeDeclaration<?> before, TypeDeclaration<?> after) {
    List<SignatureChange> out = new ArrayList<>();
    for (MethodDeclaration m : before.getMethods()) {
      List<MethodDeclaration> was = before.getMethodsByName(m.getNameAsString());
      List<MethodDeclaration> is = after.getMethodsByName(m.getNameAsString());
      if (was.size() == 1 && is.size() == 1 && !params(was.get(0)).equals(params(is.get(0)))) {
        out.add(
            new SignatureChange(type, m.getNameAsString(), params(was.get(0)), params(is.get(0))));
      }
    }
    return out;
  }

  /**
   * A deleted file's top-level type paired with an added file's: the same simple name in another
   * package (a move), or the same package and the same members under a new name (a rename). Only
   * unique pairings count.
   */
  private static List<TypeMove> typeMoves(BreakingChange change, JavaParser parser) {
    record Decl(String fqcn, String simple, String pkg, Set<String> members) {}
    List<Decl> gone = new ArrayList<>();
    List<Decl> added = new ArrayList<>();
    for (BreakingChange.FileChange f : change.files()) {
      if (!f.path().endsWith(".java") || (f.before() == null) == (f.after() == null)) {
        continue;
      }
      String text = f.before() != null ? f.before() : f.after();
      parser
          .parse(text)
          .getResult()
          .ifPresent(
              cu -> {
                String pkg = cu.getPackageDeclaration().map(d -> d.getNameAsString()).orElse("");
                for (TypeDeclaration<?> t : cu.getTypes()) {
                  Set<String> members = new TreeSet<>(signatures(t).keySet());
                  fields(t).forEach((n, type) -> members.add(n + ":" + type));
                  String fq = pkg.isEmpty() ? t.getNameAsString() : pkg + "." + t.getNameAsString();
                  (f.before() != null ? gone : added)
                      .add(new Decl(fq, t.getNameAsString(), pkg, members));
                }
              });
    }
    List<TypeMove> out = new ArrayList<>();
    for (Decl g : gone) {
      List<Decl> match =
          added.stream()
              .filter(
                  a ->
                      (a.simple().equals(g.simple()) && !a.pkg().equals(g.pkg()))
                          || (!a.simple().equals(g.simple())
                              && !g.members().isEmpty()
                              && a.members().equals(g.members())))
              .toList();
      if (match.size() == 1) {
        out.add(new TypeMove(g.fqcn(), match.get(0).fqcn()));
      }
    }
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

  private static List<String> params(MethodDeclaration m) {
    return m.getParameters().stream()
        .map(p -> p.getType().asString() + " " + p.getNameAsString())
        .toList();
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
