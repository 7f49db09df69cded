package dev.selfheal.cli;

import dev.selfheal.model.Failure;
import java.util.List;

/** The human listing of failures: kind, where, and the first line of the message. */
final class FailureTable {
  private FailureTable() {}

  static String render(List<Failure> failures) {
    if (failures.isEmpty()) {
      return "no failures\n";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-16s %-60s %s%n", "KIND", "WHERE", "MESSAGE"));
    for (Failure f : failures) {
      String where = f.test() != null ? f.test() : location(f);
      String msg = f.message().lines().findFirst().orElse("");
      sb.append(
          String.format("%-16s %-60s %s%n", f.kind().wire(), clip(where, 60), clip(msg, 100)));
      if (f.test() != null && f.file() != null) {
        sb.append(String.format("%-16s %s%n", "", "at " + location(f)));
      }
    }
    return sb.toString();
  }

  private static String location(Failure f) {
    if (f.file() == null) {
      return "(no file)";
    }
    return f.file()
        + (f.line() == null ? "" : ":" + f.line())
        + (f.column() == null ? "" : ":" + f.column());
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
