package dev.selfheal.fix.recipes;

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
import java.util.regex.Pattern;

/**
 * A type the breaking change moved to another package or renamed, still named the old way: on the
 * line javac names, the old qualified name (an import, a qualified reference) becomes the new one,
 * or the old simple name the new one. A user in the old package that now needs an import is left to
 * {@link MissingImportRecipe}.
 */
public final class MovedTypeRecipe implements FixRecipe {
  static final String ID = "java/moved-type";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Rewrites imports and references of a type the breaking change moved or renamed.";
  }

  @Override
  public boolean appliesTo(Failure f) {
    if (!CompileErrors.atJavaLine(f)) {
      return false;
    }
    return f.message().matches("^package [\\w.]+ does not exist.*")
        || (f.message().startsWith("cannot find symbol")
            && f.details().symbol() != null
            && f.details().symbol().startsWith("class "));
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    List<ChangeAnalysis.TypeMove> moves = ctx.analysis().moves();
    if (moves.isEmpty()) {
      return Optional.empty();
    }
    String source = ctx.read(f.file());
    String[] lines = source.split("\r?\n", -1);
    if (f.line() > lines.length) {
      return Optional.empty();
    }
    String line = lines[f.line() - 1];
    for (ChangeAnalysis.TypeMove m : moves) {
      String fixed = null;
      Pattern qualified = Pattern.compile("(?<![\\w.])" + Pattern.quote(m.from()) + "(?![\\w])");
      if (qualified.matcher(line).find()) {
        fixed = qualified.matcher(line).replaceAll(m.to());
      } else if (!m.fromSimple().equals(m.toSimple())
          && f.details().symbol() != null
          && f.details().symbol().equals("class " + m.fromSimple())) {
        Pattern simple =
            Pattern.compile("(?<![\\w.])" + Pattern.quote(m.fromSimple()) + "(?![\\w])");
        fixed = simple.matcher(line).find() ? simple.matcher(line).replaceAll(m.toSimple()) : null;
      }
      if (fixed == null) {
        continue;
      }
      Optional<Edit> edit = LineEdit.replace(f.file(), source, f.line() - 1, fixed);
      if (edit.isEmpty()) {
        return Optional.empty();
      }
      String how =
          m.fromPackage()
                  .equals(m.to().contains(".") ? m.to().substring(0, m.to().lastIndexOf('.')) : "")
              ? "renamed"
              : "moved";
      Diagnosis d =
          new Diagnosis(
              "the breaking change "
                  + how
                  + " "
                  + m.from()
                  + " to "
                  + m.to()
                  + " but "
                  + f.file()
                  + " still names it the old way",
              Category.TYPE_ERROR,
              List.of(f.file()),
              0.9,
              "javac: "
                  + f.message().lines().findFirst().orElse("")
                  + " at "
                  + f.file()
                  + ":"
                  + f.line()
                  + "; the breaking change deleted "
                  + m.from()
                  + " and added "
                  + m.to()
                  + (how.equals("moved") ? " with the same name" : " with the same members")
                  + ".",
              DiagnosisSource.RULES);
      return Optional.of(new Fix(List.of(f.fingerprint()), d, ID, List.of(edit.get())));
    }
    return Optional.empty();
  }
}
