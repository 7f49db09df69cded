package dev.selfheal.breakage;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the parameter operators share: the methods whose every use is a plain call (a method
 * reference cannot be adapted), and rewriting the argument lists of those calls in place, so the
 * rest of each line stays as it was.
 */
final class Parameters {
  /** Rewrites one call's or declaration's list: spans of its elements, in order. */
  interface ListEdit {
    String apply(String text, List<int[]> spans);
  }

  private Parameters() {}

  /** Changeable methods with at least {@code minParams} parameters, used only by calls. */
  static List<Methods.Site> sites(SourceTree project, int minParams) {
    List<Methods.Site> out = new ArrayList<>();
    for (Methods.Site s : Methods.changeable(project)) {
      if (s.method().getParameters().size() < minParams
          || s.method().getParameters().stream().anyMatch(Parameter::isVarArgs)) {
        continue;
      }
      int calls = 0;
      boolean referenced = false;
      for (String f : project.javaFiles()) {
        var cu = project.parse(f);
        if (cu.isEmpty()) {
          continue;
        }
        calls += calls(cu.get().findAll(MethodCallExpr.class), s).size();
        referenced |=
            cu.get().findAll(MethodReferenceExpr.class).stream()
                .anyMatch(r -> r.getIdentifier().equals(s.name()));
      }
      if (calls > 0 && !referenced) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<MethodCallExpr> calls(List<MethodCallExpr> all, Methods.Site s) {
    return all.stream()
        .filter(c -> c.getNameAsString().equals(s.name()))
        .filter(c -> c.getArguments().size() == s.method().getParameters().size())
        .toList();
  }

  /**
   * Every file whose calls to the method change, with its new text; with {@code declaration}, the
   * declaring file's parameter list is edited the same way.
   */
  static Map<String, String> rewrite(
      SourceTree project, Methods.Site s, ListEdit edit, boolean declaration) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : project.javaFiles()) {
      var cu = project.parse(f);
      if (cu.isEmpty()) {
        continue;
      }
      String text = project.text(f);
      List<List<int[]>> lists = new ArrayList<>();
      for (MethodCallExpr c : calls(cu.get().findAll(MethodCallExpr.class), s)) {
        List<int[]> spans = new ArrayList<>();
        for (Expression a : c.getArguments()) {
          spans.add(Methods.span(text, a));
        }
        lists.add(spans);
      }
      if (declaration && f.equals(s.file())) {
        lists.add(parameterSpans(text, s.method()));
      }
      // Last first, so the offsets of the lists before stay valid.
      lists.sort(Comparator.comparingInt((List<int[]> l) -> l.get(0)[0]).reversed());
      String after = text;
      for (List<int[]> spans : lists) {
        after = edit.apply(after, spans);
      }
      if (!after.equals(text)) {
        out.put(f, after);
      }
    }
    return out;
  }

  /** The declaration's parameter spans, in the original text. */
  static List<int[]> parameterSpans(String text, MethodDeclaration md) {
    List<int[]> out = new ArrayList<>();
    for (Parameter p : md.getParameters()) {
      out.add(Methods.span(text, p));
    }
    return out;
  }

  /** True when the method's body never names the parameter. */
  static boolean unused(MethodDeclaration md, Parameter p) {
    Optional<com.github.javaparser.ast.stmt.BlockStmt> body = md.getBody();
    return body.isPresent()
        && body.get().findAll(NameExpr.class).stream()
            .noneMatch(n -> n.getNameAsString().equals(p.getNameAsString()));
  }

  static String swap(String text, List<int[]> spans, int i, int j) {
    int[] a = spans.get(Math.min(i, j));
    int[] b = spans.get(Math.max(i, j));
    String first = text.substring(a[0], a[1]);
    String second = text.substring(b[0], b[1]);
    return text.substring(0, a[0])
        + second
        + text.substring(a[1], b[0])
        + first
        + text.substring(b[1]);
  }

  static String remove(String text, List<int[]> spans, int i) {
    if (spans.size() == 1) {
      return text.substring(0, spans.get(0)[0]) + text.substring(spans.get(0)[1]);
    }
    if (i == spans.size() - 1) {
      return text.substring(0, spans.get(i - 1)[1]) + text.substring(spans.get(i)[1]);
    }
    return text.substring(0, spans.get(i)[0]) + text.substring(spans.get(i + 1)[0]);
  }
}
