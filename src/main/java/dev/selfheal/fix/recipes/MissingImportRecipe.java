package dev.selfheal.fix.recipes;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.FixRecipe;
import dev.selfheal.fix.ProjectTypes;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * "cannot find symbol: class X" where X is not imported: adds the import of the one type named X
 * that fits how the file uses it, the project's own types first, then the JDK's, then those of the
 * module's dependencies. When more than one fits, the fix says so with a confidence below any
 * sensible threshold.
 */
public final class MissingImportRecipe implements FixRecipe {
  static final String ID = "java/missing-import";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Adds the import of a type the file uses but does not import.";
  }

  @Override
  public boolean appliesTo(Failure f) {
    return CompileErrors.inJavaFile(f)
        && ((f.message().startsWith("cannot find symbol")
                && f.details().symbol() != null
                && (f.details().symbol().startsWith("class ")
                    || TYPE_AS_QUALIFIER.matcher(f.details().symbol()).matches()))
            || TYPE_AS_PACKAGE.matcher(f.message()).find());
  }

  /** javac reads {@code Shape.Circle} with Shape not imported as a package named Shape. */
  private static final java.util.regex.Pattern TYPE_AS_PACKAGE =
      java.util.regex.Pattern.compile("^package ([A-Z]\\w*[a-z]\\w*) does not exist");

  /**
   * javac calls a missing type used as a qualifier ({@code List.of(..)}) a variable; a capitalised
   * camel-case name is a type by convention (an ALL_CAPS one is a constant, left alone).
   */
  private static final java.util.regex.Pattern TYPE_AS_QUALIFIER =
      java.util.regex.Pattern.compile("variable [A-Z]\\w*[a-z]\\w*");

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    java.util.regex.Matcher asPackage = TYPE_AS_PACKAGE.matcher(f.message());
    String symbol = asPackage.find() ? "class " + asPackage.group(1) : f.details().symbol();
    String name = symbol.substring(symbol.indexOf(' ') + 1).strip();
    if (!name.matches("[A-Z][\\w$]*")) {
      return Optional.empty();
    }
    String source = ctx.read(f.file());
    ParseResult<CompilationUnit> parsed = ctx.parser().parse(source);
    if (parsed.getResult().isEmpty()) {
      return Optional.empty();
    }
    CompilationUnit cu = parsed.getResult().get();
    String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    for (ImportDeclaration i : cu.getImports()) {
      if (!i.isAsterisk() && !i.isStatic() && i.getName().getIdentifier().equals(name)) {
        return Optional.empty(); // imported already: a different problem
      }
    }
    TypeUsage usage = TypeUsage.of(cu, name);
    List<String> project = new ArrayList<>();
    for (ProjectTypes.Type t : ctx.projectTypes().named(name)) {
      if (!packageOf(t.fqcn()).equals(pkg)
          && !t.file().equals(f.file())
          && fitsProjectType(t, usage, ctx)) {
        project.add(t.fqcn());
      }
    }
    List<String> jdk = new ArrayList<>();
    List<String> jdkAll = ctx.jdkTypes().named(name);
    for (String fqcn : jdkAll) {
      Class<?> c = ctx.jdkTypes().load(fqcn);
      if (c != null && Modifier.isPublic(c.getModifiers()) && fits(c, usage)) {
        jdk.add(fqcn);
      }
    }
    String choice;
    double confidence;
    String why;
    if (project.size() == 1) {
      choice = project.get(0);
      confidence = 0.9;
      why =
          "the project declares exactly one type named " + name + " that fits how the file uses it";
    } else if (project.size() > 1) {
      choice = project.get(0);
      confidence = 0.4;
      why =
          "the project declares "
              + project.size()
              + " types named "
              + name
              + " ("
              + String.join(", ", project)
              + "); which one is meant cannot be told from the file";
    } else if (jdk.size() == 1) {
      choice = jdk.get(0);
      confidence = jdkAll.size() == 1 || !usage.isEmpty() ? 0.9 : 0.6;
      why =
          jdkAll.size() == 1
              ? "the JDK has exactly one public type named " + name
              : "of the JDK's types named "
                  + name
                  + " ("
                  + String.join(", ", jdkAll)
                  + "), only "
                  + choice
                  + " fits how the file uses it ("
                  + describe(usage)
                  + ")";
    } else if (jdk.size() > 1) {
      JdkChoice ranked = JdkChoice.rank(jdk, ctx, f.file());
      choice = ranked.choice();
      confidence = ranked.confidence();
      why =
          "the JDK has "
              + jdk.size()
              + " types named "
              + name
              + " that fit ("
              + String.join(", ", jdk)
              + "); "
              + ranked.why();
    } else {
      List<String> depAll = ctx.dependencies().named(name, f.file());
      List<String> deps = new ArrayList<>();
      for (String fqcn : depAll) {
        Optional<Class<?>> c = ctx.dependencies().load(fqcn, f.file());
        if (c.isPresent()
            && Modifier.isPublic(c.get().getModifiers())
            && fitsSafely(c.get(), usage)) {
          deps.add(fqcn);
        }
      }
      if (deps.isEmpty()) {
        return Optional.empty();
      }
      choice = deps.get(0);
      confidence = deps.size() == 1 && (depAll.size() == 1 || !usage.isEmpty()) ? 0.85 : 0.4;
      why =
          deps.size() > 1
              ? "the module's dependencies have "
                  + deps.size()
                  + " types named "
                  + name
                  + " that fit ("
                  + String.join(", ", deps)
                  + "); which one is meant cannot be told from the file"
              : depAll.size() == 1
                  ? "neither the project nor the JDK has a type named "
                      + name
                      + "; exactly one of the module's dependencies does"
                  : "of the dependency types named "
                      + name
                      + " ("
                      + String.join(", ", depAll)
                      + "), only "
                      + choice
                      + " fits how the file uses it ("
                      + describe(usage)
                      + ")";
    }
    Optional<Edit> edit = ImportInsertion.edit(f.file(), source, choice);
    if (edit.isEmpty()) {
      return Optional.empty();
    }
    String simpleFile = f.file().substring(f.file().lastIndexOf('/') + 1);
    Diagnosis d =
        new Diagnosis(
            simpleFile + " uses " + name + " without importing it (" + choice + ")",
            Category.TYPE_ERROR,
            List.of(f.file()),
            confidence,
            "javac: cannot find symbol, "
                + symbol
                + " at "
                + f.file()
                + ":"
                + f.line()
                + "; "
                + why
                + ".",
            DiagnosisSource.RULES);
    return Optional.of(new Fix(List.of(f.fingerprint()), d, ID, List.of(edit.get())));
  }

  /** A class whose members name types missing here cannot be checked: it may fit. */
  private static boolean fitsSafely(Class<?> c, TypeUsage u) {
    try {
      return fits(c, u);
    } catch (LinkageError unresolvable) {
      return true;
    }
  }

  private static boolean fits(Class<?> c, TypeUsage u) {
    for (int n : u.typeArgumentCounts()) {
      if (c.getTypeParameters().length != n) {
        return false;
      }
    }
    for (String member : u.staticMembers()) {
      boolean found =
          Arrays.stream(c.getMethods())
                  .anyMatch(m -> m.getName().equals(member) && Modifier.isStatic(m.getModifiers()))
              || Arrays.stream(c.getFields())
                  .anyMatch(
                      fl -> fl.getName().equals(member) && Modifier.isStatic(fl.getModifiers()))
              || Arrays.stream(c.getClasses()).anyMatch(k -> k.getSimpleName().equals(member));
      if (!found) {
        return false;
      }
    }
    for (int arity : u.constructorArities()) {
      if (c.isInterface()
          || Modifier.isAbstract(c.getModifiers())
          || Arrays.stream(c.getConstructors())
              .noneMatch(k -> k.getParameterCount() == arity || k.isVarArgs())) {
        return false;
      }
    }
    for (String method : u.instanceMethods()) {
      if (Arrays.stream(c.getMethods()).map(Method::getName).noneMatch(method::equals)) {
        return false;
      }
    }
    return true;
  }

  private static boolean fitsProjectType(ProjectTypes.Type t, TypeUsage u, FixContext ctx)
      throws IOException {
    if (u.typeArgumentCounts().isEmpty()) {
      return true;
    }
    ParseResult<CompilationUnit> r = ctx.parser().parse(ctx.read(t.file()));
    String simple = t.fqcn().substring(t.fqcn().lastIndexOf('.') + 1);
    return r.getResult()
        .flatMap(
            cu ->
                cu.getTypes().stream().filter(d -> d.getNameAsString().equals(simple)).findFirst())
        .map(
            d -> {
              int n =
                  d.isClassOrInterfaceDeclaration()
                      ? d.asClassOrInterfaceDeclaration().getTypeParameters().size()
                      : d.isRecordDeclaration()
                          ? d.asRecordDeclaration().getTypeParameters().size()
                          : 0;
              return u.typeArgumentCounts().stream().allMatch(k -> k == n);
            })
        .orElse(true);
  }

  private static String describe(TypeUsage u) {
    List<String> parts = new ArrayList<>();
    if (!u.typeArgumentCounts().isEmpty()) {
      parts.add("with type arguments");
    }
    if (!u.staticMembers().isEmpty()) {
      parts.add("static " + String.join(", ", u.staticMembers()));
    }
    if (!u.instanceMethods().isEmpty()) {
      parts.add("calls " + String.join(", ", u.instanceMethods()));
    }
    if (!u.constructorArities().isEmpty()) {
      parts.add("constructed");
    }
    return parts.isEmpty() ? "no further clue" : String.join("; ", parts);
  }

  private static String packageOf(String fqcn) {
    int dot = fqcn.lastIndexOf('.');
    return dot < 0 ? "" : fqcn.substring(0, dot);
  }
}
