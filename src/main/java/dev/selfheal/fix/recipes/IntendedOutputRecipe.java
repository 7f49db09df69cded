package dev.selfheal.fix.recipes;

import dev.selfheal.fix.ChangeIntent;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.FixRecipe;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Fix;
import dev.selfheal.vcs.BreakingChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test's expectation after an intended output change: updates the expected literal of the failing
 * assertion to the value the code now produces — only when the breaking change altered production
 * code the test uses and not the test, the change's new lines carry the new value, and a commit
 * declares the intent ({@code feat:}, or says the output changed on purpose). Without that, a
 * failing assertion is a regression the test caught, and this recipe stays out.
 */
public final class IntendedOutputRecipe implements FixRecipe {
  public static final String ID = "java/intended-output-change";
  private static final Pattern TEST_FILE =
      Pattern.compile("(^|/)src/test/|Test\\.java$|Tests\\.java$|IT\\.java$");
  private static final Pattern CALL = Pattern.compile("\\b([a-zA-Z_]\\w*)\\s*\\(");
  private static final Pattern LITERAL =
      Pattern.compile(
          "\"((?:[^\"\\\\]|\\\\.)*)\"|(?<![\\w.])-?\\d+(?:\\.\\d+)?[LlFfDd]?(?![\\w.])");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Updates a test's expected value after a declared, intended change to the output it checks.";
  }

  @Override
  public boolean appliesTo(Failure f) {
    return f.kind() == FailureKind.TEST_FAILURE
        && f.file() != null
        && f.file().endsWith(".java")
        && f.line() != null
        && f.details().expected() != null
        && f.details().actual() != null;
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    BreakingChange change = ctx.change();
    Optional<String> intent = ChangeIntent.declared(change);
    if (intent.isEmpty() || change.file(f.file()).isPresent()) {
      return Optional.empty(); // no declared intent, or the test itself was changed
    }
    String test = ctx.read(f.file());
    String[] lines = test.split("\r?\n", -1);
    String line = lines[f.line() - 1];
    Set<String> called = new HashSet<>();
    var call = CALL.matcher(line);
    while (call.find()) {
      called.add(call.group(1));
    }
    List<String> behind = new ArrayList<>();
    boolean carriesNewValue = false;
    boolean producedByChangedCode = false;
    for (BreakingChange.FileChange c : change.files()) {
      if (!c.path().endsWith(".java")
          || TEST_FILE.matcher(c.path()).find()
          || c.before() == null
          || c.after() == null) {
        continue;
      }
      String type = c.path().substring(c.path().lastIndexOf('/') + 1).replace(".java", "");
      if (Pattern.compile("\\b" + Pattern.quote(type) + "\\b").matcher(test).find()) {
        behind.add(c.path());
        carriesNewValue |= addedLiteralsIn(c, f.details().actual());
        Set<String> reaching = reachingChanged(c.after(), type, ctx);
        for (String m : called) {
          producedByChangedCode |= reaching.contains(m);
        }
      }
    }
    // The value must come from code the change altered: a method the assertion calls was changed,
    // or the change's new lines carry the new value.
    if (behind.isEmpty() || !(producedByChangedCode || carriesNewValue)) {
      return Optional.empty();
    }
    Optional<String[]> swap = literals(line, f.details().expected(), f.details().actual());
    Optional<Edit> edit;
    String spelt = null;
    if (swap.isPresent() && line.split(Pattern.quote(swap.get()[0]), -1).length == 2) {
      String fixedLine = line.replace(swap.get()[0], swap.get()[1]);
      edit = LineEdit.replace(f.file(), test, f.line() - 1, fixedLine);
    } else {
      // The expected value is not one literal on the line: follow it to where it is spelt.
      var cu = ctx.parser().parse(test).getResult();
      if (cu.isEmpty()) {
        return Optional.empty();
      }
      ExpectedSpelling.Result r =
          ExpectedSpelling.follow(
              f.file(), test, cu.get(), f.line(), f.details().expected(), f.details().actual());
      if (r.edit().isEmpty()) {
        ctx.decline(
            "the intended change's new value cannot be written into the test: " + r.whyNot());
        return Optional.empty();
      }
      edit = r.edit();
      spelt = r.where();
    }
    if (edit.isEmpty()) {
      return Optional.empty();
    }
    String firstLine = intent.get().lines().findFirst().orElse("");
    Diagnosis d =
        new Diagnosis(
            "the intended change \""
                + firstLine
                + "\" changed what "
                + String.join(", ", names(behind))
                + " produces; "
                + f.test()
                + " still expects the old value",
            Category.TEST_FAILURE,
            List.of(f.file()),
            0.85,
            "Expected "
                + f.details().expected()
                + " but got "
                + f.details().actual()
                + ". The breaking change altered "
                + String.join(", ", behind)
                + ", which the test uses"
                + (producedByChangedCode ? ", including a method the failing assertion calls" : "")
                + (carriesNewValue ? ", and its new lines carry the new value" : "")
                + "; the test was not changed; the commit declares the change (\""
                + firstLine
                + "\"). "
                + (spelt == null
                    ? "Only the expected literal on " + f.file() + ":" + f.line() + " is updated."
                    : "The expected value is spelt in "
                        + spelt
                        + " of "
                        + f.file()
                        + "; only the changed part is updated there."),
            DiagnosisSource.RULES);
    return Optional.of(new Fix(List.of(f.fingerprint()), d, ID, List.of(edit.get())));
  }

  /**
   * The methods of {@code type} that the change altered, and those of its methods that call them,
   * directly or through each other: the assertion may call {@code fineFor}, which the change did
   * not touch, but which returns what the changed {@code dailyFine} says.
   */
  private static Set<String> reachingChanged(String source, String type, FixContext ctx) {
    Set<String> reach = new HashSet<>();
    for (String m : ctx.analysis().changedMethods()) {
      if (m.startsWith(type + ".")) {
        reach.add(m.substring(type.length() + 1));
      }
    }
    var cu = ctx.parser().parse(source).getResult();
    if (reach.isEmpty() || cu.isEmpty()) {
      return reach;
    }
    java.util.Map<String, Set<String>> calls = new java.util.HashMap<>();
    for (var md : cu.get().findAll(com.github.javaparser.ast.body.MethodDeclaration.class)) {
      Set<String> names = calls.computeIfAbsent(md.getNameAsString(), k -> new HashSet<>());
      md.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)
          .forEach(call -> names.add(call.getNameAsString()));
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var e : calls.entrySet()) {
        if (!reach.contains(e.getKey()) && e.getValue().stream().anyMatch(reach::contains)) {
          reach.add(e.getKey());
          grew = true;
        }
      }
    }
    return reach;
  }

  /** A literal in the lines the change added that is part of the new value. */
  private static boolean addedLiteralsIn(BreakingChange.FileChange c, String actual) {
    Set<String> before = new HashSet<>(Arrays.asList(c.before().split("\r?\n")));
    for (String l : c.after().split("\r?\n")) {
      if (before.contains(l)) {
        continue;
      }
      var m = LITERAL.matcher(l);
      while (m.find()) {
        String lit =
            m.group(1) != null ? unescape(m.group(1)) : m.group().replaceAll("[LlFfDd]$", "");
        if (!lit.isBlank() && actual.contains(lit)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The expected value as written on the line, and the actual value written the same way. */
  private static Optional<String[]> literals(String line, String expected, String actual) {
    String quoted = "\"" + escape(expected) + "\"";
    if (line.contains(quoted)) {
      return Optional.of(new String[] {quoted, "\"" + escape(actual) + "\""});
    }
    if (expected.matches("-?\\d+(\\.\\d+)?") && actual.matches("-?\\d+(\\.\\d+)?")) {
      var m =
          Pattern.compile("(?<![\\w.])" + Pattern.quote(expected) + "([LlFfDd]?)(?![\\w.])")
              .matcher(line);
      if (m.find()) {
        return Optional.of(new String[] {m.group(), actual + m.group(1)});
      }
    }
    return Optional.empty();
  }

  private static List<String> names(List<String> paths) {
    return paths.stream()
        .map(p -> p.substring(p.lastIndexOf('/') + 1).replace(".java", ""))
        .toList();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
