package dev.selfheal.fix.recipes;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "method m in class C cannot be applied to given types" after the breaking change removed or
 * reordered m's parameters: the call's arguments follow the parameters they were passed for
 * (matched by name and type). A parameter the change added has no value anyone can know here, so
 * that case is left alone (for the LLM tier).
 */
public final class ChangedSignatureRecipe implements FixRecipe {
  static final String ID = "java/changed-signature";
  private static final Pattern HEAD =
      Pattern.compile(
          "^method (\\w+) in (?:class|interface|enum|record) ([\\w.$]+) cannot be applied to given types");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Adapts a call to a method whose parameters the breaking change removed or reordered.";
  }

  @Override
  public boolean appliesTo(Failure f) {
    return CompileErrors.atJavaLine(f)
        && (HEAD.matcher(f.message()).find() || f.message().startsWith("incompatible types"));
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    Matcher h = HEAD.matcher(f.message());
    boolean named = h.find();
    String source = ctx.read(f.file());
    Optional<CompilationUnit> cu = ctx.parser().parse(source).getResult();
    if (cu.isEmpty()) {
      return Optional.empty();
    }
    // javac names the method when it has overloads; for a single one it may report the mismatch
    // as "incompatible types" at the call or its argument, which must then lie in a call to a
    // method whose signature the change altered.
    List<ChangeAnalysis.SignatureChange> changes =
        ctx.analysis().signatureChanges().stream()
            .filter(
                c ->
                    named
                        ? c.type().equals(simple(h.group(2))) && c.method().equals(h.group(1))
                        : !callsOnLine(cu.get(), c, f).isEmpty())
            .toList();
    if (changes.size() != 1) {
      return Optional.empty();
    }
    ChangeAnalysis.SignatureChange c = changes.get(0);
    String method = c.method();
    String type = c.type();
    int[] from = new int[c.after().size()];
    for (int i = 0; i < c.after().size(); i++) {
      from[i] = c.before().indexOf(c.after().get(i));
      if (from[i] < 0) {
        return Optional.empty(); // a new parameter: its value cannot be known here
      }
    }
    List<MethodCallExpr> calls = callsOnLine(cu.get(), c, f);
    if (calls.size() != 1 || calls.get(0).getArguments().isEmpty()) {
      return Optional.empty();
    }
    String[] lines = source.split("\r?\n", -1);
    String line = lines[f.line() - 1];
    List<Expression> args = calls.get(0).getArguments();
    List<String> texts = new ArrayList<>();
    for (Expression a : args) {
      var r = a.getRange().orElseThrow();
      texts.add(line.substring(r.begin.column - 1, r.end.column));
    }
    List<String> reordered = new ArrayList<>();
    for (int i : from) {
      reordered.add(texts.get(i));
    }
    int start = args.get(0).getRange().orElseThrow().begin.column - 1;
    int end = args.get(args.size() - 1).getRange().orElseThrow().end.column;
    String fixed = line.substring(0, start) + String.join(", ", reordered) + line.substring(end);
    Optional<Edit> edit = LineEdit.replace(f.file(), source, f.line() - 1, fixed);
    if (edit.isEmpty()) {
      return Optional.empty();
    }
    String what =
        c.after().size() < c.before().size()
            ? "removed a parameter of"
            : "reordered the parameters of";
    Diagnosis d =
        new Diagnosis(
            "the breaking change "
                + what
                + " "
                + type
                + "."
                + method
                + " but a call in "
                + f.file()
                + " still passes the old ones",
            Category.TYPE_ERROR,
            List.of(f.file()),
            0.9,
            "javac: "
                + (named ? "method " + method + " cannot be applied to given types" : f.message())
                + " at "
                + f.file()
                + ":"
                + f.line()
                + "; the change"
                + " turned ("
                + String.join(", ", c.before())
                + ") into ("
                + String.join(", ", c.after())
                + "); each argument follows the parameter it was passed for, matched by name and type.",
            DiagnosisSource.RULES);
    return Optional.of(new Fix(List.of(f.fingerprint()), d, ID, List.of(edit.get())));
  }

  private static String simple(String fqcn) {
    return fqcn.substring(fqcn.lastIndexOf('.') + 1);
  }

  /**
   * Calls on the failure's line to the changed method with its old arity; for an "incompatible
   * types" failure, only a call whose arguments cover the column javac points at.
   */
  private static List<MethodCallExpr> callsOnLine(
      CompilationUnit cu, ChangeAnalysis.SignatureChange c, Failure f) {
    boolean byColumn = !HEAD.matcher(f.message()).find() && f.column() != null;
    return cu.findAll(
        MethodCallExpr.class,
        m ->
            m.getNameAsString().equals(c.method())
                && m.getArguments().size() == c.before().size()
                && !m.getArguments().isEmpty()
                && m.getRange()
                    .map(r -> r.begin.line == f.line() && r.end.line == f.line())
                    .orElse(false)
                && (!byColumn || coversColumn(m, f.column())));
  }

  /** javac points at the call (its name) or at the argument that does not fit. */
  private static boolean coversColumn(MethodCallExpr m, int column) {
    var r = m.getRange().orElseThrow();
    return column >= r.begin.column && column <= r.end.column;
  }
}
