package dev.selfheal.fix.recipes;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;

/** The first question every Java recipe asks of a failure: is it javac's, in a Java file? */
final class CompileErrors {
  private CompileErrors() {}

  /** A compile error javac located in a {@code .java} file. */
  static boolean inJavaFile(Failure f) {
    return f.kind() == FailureKind.COMPILE_ERROR && f.file() != null && f.file().endsWith(".java");
  }

  /** The same, with the line it names. */
  static boolean atJavaLine(Failure f) {
    return inJavaFile(f) && f.line() != null;
  }
}
