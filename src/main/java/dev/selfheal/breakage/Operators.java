package dev.selfheal.breakage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Every operator, in the order the corpus and drill run them. */
public final class Operators {
  private Operators() {}

  public static List<Operator> all() {
    return List.of(
        new DropImport(),
        new RenameMethod(),
        new MoveType(),
        new RemoveParameter(),
        new ReorderParameters(),
        new AddParameter(),
        new ChangeOutput(true),
        new ChangeOutput(false),
        new LintViolation(),
        new RemoveDependency(),
        new LogicRegression());
  }

  /** Every breakage of the project by every operator. */
  public static List<Breakage> breakages(SourceTree project) throws IOException {
    List<Breakage> out = new ArrayList<>();
    for (Operator o : all()) {
      out.addAll(o.breakages(project));
    }
    return out;
  }
}
