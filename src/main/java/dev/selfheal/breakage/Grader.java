package dev.selfheal.breakage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grades what a healer did about a breakage against what its operator expected. A fix that passed
 * validation but is not the expected one is {@link Verdict#WRONG}: a false fix, which counts worse
 * than none.
 */
public final class Grader {
  public enum Verdict {
    /** The expected fix. */
    CORRECT,
    /** A fix, validated or not, that is not the expected one (or any fix where none is right). */
    WRONG,
    /** No fix where one was expected. */
    MISSED,
    /** No fix, rightly. */
    DECLINED
  }

  private static final Pattern LITERAL =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|(?<![\\w.])\\d+(?:\\.\\d+)?[lLdDfF]?(?![\\w.])");

  private Grader() {}

  /**
   * @param broken each file's text as the breakage left it (for the files the heal changed)
   * @param healed each file the heal changed, with its new text (null when it deleted it)
   */
  public static Verdict grade(
      Breakage b, boolean fixed, Map<String, String> broken, Map<String, String> healed) {
    if (!fixed || healed.isEmpty()) {
      return b.expected() instanceof Expectation.None || b.expected() instanceof Expectation.Restore
          ? Verdict.DECLINED
          : Verdict.MISSED;
    }
    if (b.expected() instanceof Expectation.Files f) {
      return sameFiles(b, f.texts(), healed) ? Verdict.CORRECT : Verdict.WRONG;
    }
    if (b.expected() instanceof Expectation.Restore r) {
      return sameFiles(b, r.texts(), healed) ? Verdict.CORRECT : Verdict.WRONG;
    }
    if (b.expected() instanceof Expectation.TestLiterals) {
      return onlyLiterals(broken, healed) ? Verdict.CORRECT : Verdict.WRONG;
    }
    return Verdict.WRONG; // a fix where none is right
  }

  private static boolean sameFiles(
      Breakage b, Map<String, String> texts, Map<String, String> healed) {
    for (Map.Entry<String, String> e : healed.entrySet()) {
      String want = texts.get(e.getKey());
      if (want == null
          || e.getValue() == null
          || !normal(e.getKey(), want).equals(normal(e.getKey(), e.getValue()))) {
        return false;
      }
    }
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String left = b.writes().getOrDefault(e.getKey(), null);
      boolean alreadyRight =
          left != null && normal(e.getKey(), left).equals(normal(e.getKey(), e.getValue()));
      if (!alreadyRight && !healed.containsKey(e.getKey())) {
        return false; // part of the fix is missing
      }
    }
    return true;
  }

  private static boolean onlyLiterals(Map<String, String> broken, Map<String, String> healed) {
    for (Map.Entry<String, String> e : healed.entrySet()) {
      String before = broken.get(e.getKey());
      if (!SourceTree.isTest(e.getKey()) || before == null || e.getValue() == null) {
        return false;
      }
      String[] a = before.split("\r?\n", -1);
      String[] c = e.getValue().split("\r?\n", -1);
      if (a.length != c.length) {
        return false;
      }
      for (int i = 0; i < a.length; i++) {
        if (!a[i].equals(c[i])
            && (!a[i].contains("assert")
                || !LITERAL
                    .matcher(a[i])
                    .replaceAll("L")
                    .equals(LITERAL.matcher(c[i]).replaceAll("L")))) {
          return false;
        }
      }
    }
    return true;
  }

  /** A file's text up to what does not matter: whitespace, import order, dependency order. */
  static String normal(String file, String text) {
    if (file.endsWith(".java")) {
      TreeSet<String> imports = new TreeSet<>();
      StringBuilder rest = new StringBuilder();
      for (String line : text.split("\r?\n")) {
        if (line.startsWith("import ")) {
          imports.add(line.replaceAll("\\s+", ""));
        } else {
          rest.append(line.replaceAll("\\s+", ""));
        }
      }
      return String.join("", imports) + "|" + rest;
    }
    if (file.endsWith("pom.xml")) {
      String flat = text.replaceAll("\\s+", "");
      Matcher v = Pattern.compile("<version>([^<]+)</version>").matcher(flat);
      int firstDependency = flat.indexOf("<dependenc");
      if (v.find() && (firstDependency < 0 || v.start() < firstDependency)) {
        flat = flat.replace("${project.version}", v.group(1));
      }
      List<String> deps = new ArrayList<>();
      Matcher d = Pattern.compile("<dependency>.*?</dependency>").matcher(flat);
      while (d.find()) {
        deps.add(d.group());
      }
      deps.sort(null);
      return String.join("", deps) + "|" + flat.replaceAll("<dependency>.*?</dependency>", "");
    }
    return text.replaceAll("\\s+", "");
  }
}
