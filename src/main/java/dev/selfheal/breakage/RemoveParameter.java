package dev.selfheal.breakage;

import com.github.javaparser.ast.body.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes a parameter the method's body never uses, as a clean-up does, leaving the callers passing
 * it. The fix drops that argument at every call.
 */
public final class RemoveParameter implements Operator {
  @Override
  public Kind kind() {
    return Kind.REMOVE_PARAMETER;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    List<Breakage> out = new ArrayList<>();
    for (Methods.Site s : Parameters.sites(project, 1)) {
      List<Parameter> ps = s.method().getParameters();
      for (int i = 0; i < ps.size(); i++) {
        if (!Parameters.unused(s.method(), ps.get(i))) {
          continue;
        }
        int index = i;
        String text = project.text(s.file());
        String broken = Parameters.remove(text, Parameters.parameterSpans(text, s.method()), index);
        Map<String, String> expected =
            Parameters.rewrite(project, s, (t, spans) -> Parameters.remove(t, spans, index), true);
        String name = ps.get(i).getNameAsString();
        out.add(
            new Breakage(
                kind().id() + ":" + s.label() + ":" + name,
                kind(),
                "remove the unused parameter " + name + " of " + s.label(),
                "refactor: drop unused parameter " + name + " from " + s.label(),
                Map.of(s.file(), broken),
                Set.of(),
                new Expectation.Files("java/changed-signature", expected)));
      }
    }
    return out;
  }
}
