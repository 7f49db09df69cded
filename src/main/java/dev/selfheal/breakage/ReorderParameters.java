package dev.selfheal.breakage;

import com.github.javaparser.ast.body.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Swaps two parameters of different types in a declaration, as a signature clean-up does, leaving
 * the callers behind. Only pairs the compiler tells apart (not two primitives, which may widen
 * silently). The fix swaps the arguments at every call.
 */
public final class ReorderParameters implements Operator {
  @Override
  public Kind kind() {
    return Kind.REORDER_PARAMETERS;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    List<Breakage> out = new ArrayList<>();
    for (Methods.Site s : Parameters.sites(project, 2)) {
      List<Parameter> ps = s.method().getParameters();
      for (int i = 0; i + 1 < ps.size(); i++) {
        for (int j = i + 1; j < ps.size(); j++) {
          int a = i;
          int b = j;
          String ta = ps.get(a).getTypeAsString();
          String tb = ps.get(b).getTypeAsString();
          if (ta.equals(tb)
              || (ps.get(a).getType().isPrimitiveType() && ps.get(b).getType().isPrimitiveType())) {
            continue;
          }
          String text = project.text(s.file());
          String broken = Parameters.swap(text, Parameters.parameterSpans(text, s.method()), a, b);
          Map<String, String> expected =
              Parameters.rewrite(project, s, (t, spans) -> Parameters.swap(t, spans, a, b), true);
          String pa = ps.get(a).getNameAsString();
          String pb = ps.get(b).getNameAsString();
          out.add(
              new Breakage(
                  kind().id() + ":" + s.label() + ":" + pa + "," + pb,
                  kind(),
                  "swap parameters " + pa + " and " + pb + " of " + s.label(),
                  "refactor: " + s.label() + " takes " + pb + " before " + pa,
                  Map.of(s.file(), broken),
                  Set.of(),
                  new Expectation.Files("java/changed-signature", expected)));
        }
      }
    }
    return out;
  }
}
