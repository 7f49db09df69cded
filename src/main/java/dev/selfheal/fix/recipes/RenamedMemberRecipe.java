package dev.selfheal.fix.recipes;

import dev.selfheal.config.Suggest;
import dev.selfheal.fix.ChangeAnalysis;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.FixRecipe;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "cannot find symbol: method m(…)" (or a field) where the breaking change renamed that member of
 * the receiver's type at its declaration: follows the rename at the call site. The declaration is
 * never renamed back — the rename was the intended change; its callers were missed.
 */
public final class RenamedMemberRecipe implements FixRecipe {
  static final String ID = "java/renamed-member";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Follows a member's rename at the call sites the renaming commit missed.";
  }

  @Override
  public boolean appliesTo(Failure f) {
    return CompileErrors.atJavaLine(f)
        && (f.message().startsWith("cannot find symbol")
            || f.message().startsWith("invalid method reference"))
        && f.details().symbol() != null
        && (f.details().symbol().startsWith("method ")
            || f.details().symbol().startsWith("variable "));
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    Optional<JavacSymbol> sym = JavacSymbol.of(f.details().symbol(), f.details().location());
    if (sym.isEmpty()) {
      return Optional.empty();
    }
    JavacSymbol s = sym.get();
    // In a method reference javac names inference variables, not arguments: the arity is unknown.
    boolean reference = f.message().startsWith("invalid method reference");
    Optional<ChangeAnalysis.Rename> rename =
        ctx.analysis().renameOf(s.ownerSimpleName(), s.member(), s.method());
    if (rename.isPresent() && s.method() && !reference && !rename.get().accepts(s.arguments())) {
      return Optional.empty();
    }
    if (rename.isEmpty()) {
      return closestMember(f, ctx, s, reference);
    }
    String to = rename.get().to();
    String what = s.method() ? s.member() + "(…)" : s.member();
    String simpleFile = f.file().substring(f.file().lastIndexOf('/') + 1);
    return renamedAt(
        f,
        ctx,
        s,
        to,
        reference,
        "the breaking change renamed "
            + s.ownerSimpleName()
            + "."
            + what
            + " to "
            + to
            + " but "
            + simpleFile
            + " still uses the old name",
        0.95,
        "the breaking change removed "
            + s.ownerSimpleName()
            + "."
            + s.member()
            + " and added "
            + s.ownerSimpleName()
            + "."
            + to
            + (s.method() ? " with the same parameters" : " of the same type")
            + "; the call site is updated, the declaration is left as the change intended.");
  }

  /**
   * The call site renamed to {@code to}, with a diagnosis whose reasoning starts from javac's
   * words.
   */
  private Optional<Fix> renamedAt(
      Failure f,
      FixContext ctx,
      JavacSymbol s,
      String to,
      boolean reference,
      String rootCause,
      double confidence,
      String evidence)
      throws IOException {
    Optional<Edit> edit = callSite(f, ctx.read(f.file()), s, to, reference);
    if (edit.isEmpty()) {
      return Optional.empty();
    }
    String reasoning =
        "javac: cannot find symbol "
            + f.details().symbol()
            + " in "
            + s.ownerType()
            + " at "
            + f.file()
            + ":"
            + f.line()
            + "; "
            + evidence;
    Diagnosis d =
        new Diagnosis(
            rootCause,
            Category.TYPE_ERROR,
            List.of(f.file()),
            confidence,
            reasoning,
            DiagnosisSource.RULES);
    return Optional.of(new Fix(List.of(f.fingerprint()), d, ID, List.of(edit.get())));
  }

  /**
   * No rename in the breaking change: the member of the receiver's type nearest by name (one or two
   * edits, the same arity), if exactly one is nearest. A typo one edit away is likely; two edits
   * away stays below the default threshold.
   */
  private Optional<Fix> closestMember(Failure f, FixContext ctx, JavacSymbol s, boolean reference)
      throws IOException {
    java.util.Set<String> names = new java.util.TreeSet<>();
    String owner =
        s.ownerType().contains("<")
            ? s.ownerType().substring(0, s.ownerType().indexOf('<'))
            : s.ownerType();
    Class<?> jdk = ctx.jdkTypes().load(owner);
    if (jdk != null) {
      if (s.method()) {
        for (java.lang.reflect.Method m : jdk.getMethods()) {
          if (reference || m.getParameterCount() == s.arguments()) {
            names.add(m.getName());
          }
        }
      } else {
        for (java.lang.reflect.Field fl : jdk.getFields()) {
          names.add(fl.getName());
        }
      }
    } else {
      for (var t : ctx.projectTypes().named(s.ownerSimpleName())) {
        if (!t.fqcn().equals(owner) && owner.contains(".")) {
          continue;
        }
        var cu = ctx.parser().parse(ctx.read(t.file())).getResult();
        if (cu.isEmpty()) {
          continue;
        }
        for (com.github.javaparser.ast.body.TypeDeclaration<?> d :
            cu.get().findAll(com.github.javaparser.ast.body.TypeDeclaration.class)) {
          if (!d.getNameAsString().equals(s.ownerSimpleName())) {
            continue;
          }
          if (s.method()) {
            for (com.github.javaparser.ast.body.MethodDeclaration m : d.getMethods()) {
              if (reference || m.getParameters().size() == s.arguments()) {
                names.add(m.getNameAsString());
              }
            }
          } else {
            for (com.github.javaparser.ast.body.FieldDeclaration fd : d.getFields()) {
              fd.getVariables().forEach(v -> names.add(v.getNameAsString()));
            }
          }
        }
      }
    }
    int best = Integer.MAX_VALUE;
    List<String> nearest = new java.util.ArrayList<>();
    for (String n : names) {
      int d = Suggest.distance(s.member(), n);
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best) {
        nearest.add(n);
      }
    }
    if (nearest.size() != 1 || best == 0 || best > 2 || best >= s.member().length() / 2) {
      return Optional.empty();
    }
    String to = nearest.get(0);
    return renamedAt(
        f,
        ctx,
        s,
        to,
        reference,
        f.file().substring(f.file().lastIndexOf('/') + 1)
            + " uses "
            + s.member()
            + ", which "
            + s.ownerSimpleName()
            + " does not have; the nearest member is "
            + to,
        best == 1 ? 0.75 : 0.6,
        "the breaking change renamed nothing of that name; of "
            + s.ownerSimpleName()
            + "'s members"
            + (s.method() && !reference ? " taking " + s.arguments() + " argument(s)" : "")
            + ", only "
            + to
            + " is "
            + best
            + " edit(s) away.");
  }

  /** The failure's line with the one use of the old name nearest the column renamed. */
  static Optional<Edit> callSite(
      Failure f, String source, JavacSymbol s, String to, boolean reference) {
    String[] lines = source.split("\r?\n", -1);
    int index = f.line() - 1;
    if (index < 0 || index >= lines.length) {
      return Optional.empty();
    }
    String line = lines[index];
    String name = Pattern.quote(s.member());
    Pattern use =
        Pattern.compile(
            reference
                ? "(?<=::)\\s*" + name + "\\b"
                : "\\b" + name + "\\b" + (s.method() ? "(?=\\s*\\()" : "(?!\\s*\\()"));
    Matcher m = use.matcher(line);
    int best = -1;
    int column = f.column() == null ? 0 : f.column() - 1;
    while (m.find()) {
      if (best < 0 || Math.abs(m.start() - column) < Math.abs(best - column)) {
        best = m.start();
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    int at = line.indexOf(s.member(), best);
    String fixed = line.substring(0, at) + to + line.substring(at + s.member().length());
    return LineEdit.replace(f.file(), source, index, fixed);
  }
}
