package dev.selfheal.breakage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds a parameter to a method, as a feature does, leaving the callers without it. No recipe should
 * fix this: the value each caller must pass is the author's to choose, so the right answer is no
 * fix (the LLM tier may propose one for a person to review).
 */
public final class AddParameter implements Operator {
  @Override
  public Kind kind() {
    return Kind.ADD_PARAMETER;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    List<Breakage> out = new ArrayList<>();
    for (Methods.Site s : Parameters.sites(project, 1)) {
      String text = project.text(s.file());
      List<int[]> spans = Parameters.parameterSpans(text, s.method());
      int end = spans.get(spans.size() - 1)[1];
      String added =
          s.method().getParameters().stream().anyMatch(p -> p.getNameAsString().equals("strict"))
              ? "boolean strictMode"
              : "boolean strict";
      String broken = text.substring(0, end) + ", " + added + text.substring(end);
      out.add(
          new Breakage(
              kind().id() + ":" + s.label(),
              kind(),
              "add a parameter `" + added + "` to " + s.label(),
              "feat: " + s.label() + " can be strict",
              Map.of(s.file(), broken),
              Set.of(),
              new Expectation.None(
                  "what each caller passes for the new parameter is the author's decision")));
    }
    return out;
  }
}
