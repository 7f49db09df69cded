package dev.selfheal.breakage;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plants a one-line logic bug the way a careless refactoring does — a comparison's boundary moved
 * ({@code <} for {@code <=}), an equality flipped, {@code +} for {@code -} or {@code *} for {@code
 * /}, {@code &&} for {@code ||}, a compared constant off by one — in a method the tests call, and
 * commits it as {@code refactor:}. The commit declares no change of behaviour, so the failing tests
 * caught a regression and the right fix restores the line: exactly the original file.
 */
public final class LogicRegression implements Operator {
  private static final Map<BinaryExpr.Operator, BinaryExpr.Operator> SWAP =
      Map.ofEntries(
          Map.entry(BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS),
          Map.entry(BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.LESS),
          Map.entry(BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS),
          Map.entry(BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.GREATER),
          Map.entry(BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS),
          Map.entry(BinaryExpr.Operator.NOT_EQUALS, BinaryExpr.Operator.EQUALS),
          Map.entry(BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS),
          Map.entry(BinaryExpr.Operator.MINUS, BinaryExpr.Operator.PLUS),
          Map.entry(BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE),
          Map.entry(BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.MULTIPLY),
          Map.entry(BinaryExpr.Operator.AND, BinaryExpr.Operator.OR),
          Map.entry(BinaryExpr.Operator.OR, BinaryExpr.Operator.AND));
  private static final Set<BinaryExpr.Operator> RELATIONAL =
      Set.of(
          BinaryExpr.Operator.LESS,
          BinaryExpr.Operator.LESS_EQUALS,
          BinaryExpr.Operator.GREATER,
          BinaryExpr.Operator.GREATER_EQUALS);

  @Override
  public Kind kind() {
    return Kind.LOGIC_REGRESSION;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    String tests = project.testText();
    List<Breakage> out = new ArrayList<>();
    for (String file : project.mainFiles()) {
      var cu = project.parse(file);
      if (cu.isEmpty()) {
        continue;
      }
      String text = project.text(file);
      for (MethodDeclaration md : cu.get().findAll(MethodDeclaration.class)) {
        boolean called =
            Pattern.compile("\\b" + Pattern.quote(md.getNameAsString()) + "\\s*\\(")
                .matcher(tests)
                .find();
        if (!called || md.getBody().isEmpty()) {
          continue; // the tests must reach the method for the bug to be caught
        }
        String type =
            md.findAncestor(TypeDeclaration.class)
                .map(t -> ((TypeDeclaration<?>) t).getNameAsString())
                .orElse("?");
        String where = type + "." + md.getNameAsString();
        int n = 0;
        for (BinaryExpr b : md.getBody().get().findAll(BinaryExpr.class)) {
          String planted = plant(text, b);
          if (planted == null) {
            continue;
          }
          int line = b.getBegin().orElseThrow().line;
          out.add(
              new Breakage(
                  kind().id() + ":" + where + ":" + line + ":" + n++,
                  kind(),
                  where + " line " + line + ": " + describe(text, b, planted),
                  "refactor: tidy " + type,
                  Map.of(file, planted),
                  Set.of(),
                  new Expectation.Files("java/logic-repair", Map.of(file, text))));
        }
      }
    }
    return out;
  }

  /** The file with the expression's operator swapped, or a compared constant moved by one. */
  private static String plant(String text, BinaryExpr b) {
    BinaryExpr.Operator to = SWAP.get(b.getOperator());
    if (to == null || concatenation(b)) {
      return null;
    }
    if (RELATIONAL.contains(b.getOperator())
        && b.getRight() instanceof IntegerLiteralExpr i
        && i.getValue().matches("\\d{1,6}")
        && (b.getBegin().orElseThrow().line % 2 == 0)) {
      // Alternate lines get the other classic: the bound itself off by one.
      int[] span = Methods.span(text, i);
      return text.substring(0, span[0])
          + (Integer.parseInt(i.getValue()) + 1)
          + text.substring(span[1]);
    }
    int[] left = Methods.span(text, b.getLeft());
    int[] right = Methods.span(text, b.getRight());
    String gap = text.substring(left[1], right[0]);
    String op = b.getOperator().asString();
    int at = gap.indexOf(op);
    if (at < 0 || gap.indexOf(op, at + 1) >= 0 || gap.contains("/")) {
      return null;
    }
    return text.substring(0, left[1] + at)
        + to.asString()
        + text.substring(left[1] + at + op.length());
  }

  /** A {@code +} that may join text: a string in it, or in the method's return type. */
  private static boolean concatenation(BinaryExpr b) {
    if (b.getOperator() != BinaryExpr.Operator.PLUS) {
      return false;
    }
    boolean returnsText =
        b.findAncestor(MethodDeclaration.class)
            .map(m -> m.getType().asString().equals("String"))
            .orElse(false);
    return returnsText || text(b.getLeft()) || text(b.getRight());
  }

  private static boolean text(Expression e) {
    return e.isStringLiteralExpr()
        || e.isTextBlockLiteralExpr()
        || e.isCharLiteralExpr()
        || (e instanceof BinaryExpr b && concatenation(b));
  }

  private static String describe(String text, BinaryExpr b, String planted) {
    int[] span = Methods.span(text, b);
    int delta = planted.length() - text.length();
    return "`"
        + text.substring(span[0], span[1])
        + "` became `"
        + planted.substring(span[0], span[1] + delta)
        + "`";
  }
}
