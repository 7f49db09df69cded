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
import dev.selfheal.model.FailureKind;
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
    return f.kind() == FailureKind.COMPILE_ERROR
        && f.file() != null
        && f.file().endsWith(".java")
        && f.line() != null
        && HEAD.matcher(f.message()).find();
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    Matcher h = HEAD.matcher(f.message());
    if (!h.find()) {
      return Optional.empty();
    }
    String method = h.group(1);
    String type = h.group(2).substring(h.group(2).lastIndexOf('.') + 1);
    List<ChangeAnalysis.SignatureChange> changes =
        ctx.analysis().signatureChanges().stream()
            .filter(c -> c.type().equals(type) && c.method().equals(method))
            .toList();
    if (changes.size() != 1) {
      return Optional.empty();
    }
    ChangeAnalysis.SignatureChange c = changes.get(0);
    int[] from = new int[c.after().size()];
    for (int i = 0; i < c.after().size(); i++) {
      from[i] = c.before().indexOf(c.after().get(i));
      if (from[i] < 0) {
        return Optional.empty(); // a new parameter: its value cannot be known here
      }
    }
    String source = ctx.read(f.file());
    Optional<CompilationUnit> cu = ctx.parser().parse(source).getResult();
    if (cu.isEmpty()) {
      return Optional.empty();
    }
    List<MethodCallExpr> calls =
        cu.get()
            .findAll(
                MethodCallExpr.class,
                m ->
                    m.getNameAsString().equals(method)
                        && m.getArguments().size() == c.before().size()
                        && m.getRange()
                            .map(r -> r.begin.line == f.line() && r.end.line == f.line())
                            .orElse(false));
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
            "javac: method "
                + method
                + " cannot be applied to given types at "
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
}
