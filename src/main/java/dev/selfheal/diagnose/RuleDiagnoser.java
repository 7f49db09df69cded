package dev.selfheal.diagnose;

import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Failure;
import java.util.ArrayList;
import java.util.List;

/**
 * The first diagnosis of a failure, from what the tool said: its category, the files involved (the
 * failure's own and the project frames of its trace), and a root cause in plain words. A recipe
 * that fits refines it; this one only says what is known, at middling confidence.
 */
public final class RuleDiagnoser {
  private RuleDiagnoser() {}

  /** What a compile-time failure is called in the language it happened in. */
  private static String notLoading(Failure f) {
    String file = f.file() == null ? "" : f.file();
    String tool = f.details().tool() == null ? "" : f.details().tool();
    if (file.endsWith(".py") || tool.contains("pytest") || tool.contains("python")) {
      return "Python cannot load the code";
    }
    if (file.matches(".*\\.(ts|tsx|mts|cts)$") || tool.equals("tsc")) {
      return "the TypeScript does not type-check";
    }
    if (file.matches(".*\\.(js|mjs|cjs|jsx)$")) {
      return "the JavaScript cannot be loaded";
    }
    return "the code does not compile";
  }

  public static Diagnosis diagnose(Failure f) {
    List<String> files = new ArrayList<>();
    if (f.file() != null) {
      files.add(f.file());
    }
    f.details()
        .frames()
        .forEach(
            fr -> {
              if (!files.contains(fr.file())) {
                files.add(fr.file());
              }
            });
    String where =
        f.file() == null ? "" : " at " + f.file() + (f.line() == null ? "" : ":" + f.line());
    String headline = f.message().lines().findFirst().orElse("");
    String root =
        switch (f.kind()) {
          case COMPILE_ERROR -> notLoading(f) + where + ": " + headline;
          case TEST_FAILURE ->
              "test "
                  + f.test()
                  + " fails"
                  + where
                  + ": "
                  + (f.details().expected() != null
                      ? "expected " + f.details().expected() + " but got " + f.details().actual()
                      : headline);
          case LINT_VIOLATION -> "a lint or format check fails" + where + ": " + headline;
          case DEPENDENCY_ERROR -> "a dependency problem: " + headline;
          case BUILD_ERROR -> "the build fails" + where + ": " + headline;
        };
    String tool = f.details().tool() == null ? "the build" : f.details().tool();
    return new Diagnosis(
        root,
        Category.of(f.kind()),
        files,
        0.5,
        "From " + tool + "'s output; no recipe has explained it further.",
        DiagnosisSource.RULES);
  }
}
