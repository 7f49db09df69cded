package dev.selfheal.bench;

import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.JdkTypes;
import dev.selfheal.fix.RecipeRunner;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureDetails;
import dev.selfheal.model.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Time to compute a fix, without the build: a generated project of {@code files} Java sources in 20
 * packages, one of which lost an import; the recipes asked for a fix {@code runs} times with the
 * JDK index warm (cached in a temp state folder). Run with {@code bench/fix.sh [files] [runs]}.
 */
public final class FixBench {
  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path repo = Files.createTempDirectory("selfheal-fixbench");
    for (int i = 0; i < files; i++) {
      String pkg = "com.acme.p" + (i % 20);
      Path f = repo.resolve("src/main/java/" + pkg.replace('.', '/') + "/Type" + i + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(
          f,
          "package "
              + pkg
              + ";\n\nimport java.util.ArrayList;\n\npublic class Type"
              + i
              + " {\n"
              + "  private final List<String> names = new ArrayList<>();\n\n  public int size() {\n    return names.size();\n  }\n}\n");
    }
    String file = "src/main/java/com/acme/p7/Type7.java";
    Failure f =
        Failure.of(
            FailureKind.COMPILE_ERROR,
            file,
            6,
            17,
            "cannot find symbol: class List",
            null,
            null,
            FailureDetails.tool("javac").withSymbol("class List", "class com.acme.p7.Type7"));
    JdkTypes jdk = new JdkTypes(Files.createTempDirectory("selfheal-fixbench-state"));
    jdk.named("List"); // the index, built once and cached as a real run's first heal would
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      var r = RecipeRunner.standard().candidates(f, new FixContext(repo, jdk));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          "run %d: %d files, %d candidate(s) (%s), %d ms%n",
          i + 1,
          files,
          r.candidates().size(),
          r.candidates().isEmpty() ? "-" : r.candidates().get(0).strategy(),
          ms);
    }
  }
}
