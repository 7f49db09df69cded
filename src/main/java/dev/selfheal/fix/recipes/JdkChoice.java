package dev.selfheal.fix.recipes;

import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.ProjectImports;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which of several JDK types of one simple name a file means, by what the project can and does see:
 * the project's other imports of that name first (a project that imports {@code
 * java.lang.reflect.Type} throughout means it again), then the module graph — a type of the {@code
 * java.*} modules every build resolves before those of the {@code jdk.*} tool modules ({@code
 * com.sun.jdi.Type}) that a build rarely sees. Two {@code java.*} candidates ({@code
 * java.util.Date}, {@code java.sql} one) stay a tie, below the threshold.
 */
record JdkChoice(String choice, double confidence, String why) {
  static JdkChoice rank(List<String> candidates, FixContext ctx, String file) throws IOException {
    Map<String, Integer> imported = ProjectImports.weights(ctx.repo(), file, candidates);
    if (!imported.isEmpty()) {
      List<Map.Entry<String, Integer>> byCount =
          imported.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
              .toList();
      int top = byCount.get(0).getValue();
      if (byCount.size() == 1 || byCount.get(1).getValue() * 3 <= top) {
        String c = byCount.get(0).getKey();
        return new JdkChoice(
            c,
            0.9,
            "the project's other files import "
                + c
                + " ("
                + top
                + " import(s), files of the same package counted twice)"
                + (byCount.size() > 1 ? " far more than " + byCount.get(1).getKey() : ""));
      }
    }
    List<String> se = candidates.stream().filter(c -> module(ctx, c).startsWith("java.")).toList();
    if (se.size() == 1) {
      return new JdkChoice(
          se.get(0),
          0.75,
          se.get(0)
              + " is in "
              + module(ctx, se.get(0))
              + ", which every build resolves; the others only in tool modules ("
              + String.join(
                  ", ",
                  candidates.stream()
                      .filter(c -> !c.equals(se.get(0)))
                      .map(c -> module(ctx, c))
                      .distinct()
                      .toList())
              + ")");
    }
    return new JdkChoice(
        candidates.get(0), 0.4, "which one is meant cannot be told from the file or the project");
  }

  private static String module(FixContext ctx, String fqcn) {
    Class<?> c = ctx.jdkTypes().load(fqcn);
    return c == null || c.getModule().getName() == null ? "" : c.getModule().getName();
  }
}
