package dev.selfheal.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An assertion line's tokens with the arguments of every call inside it in a canonical order, so
 * that two lines differing only in the order of some call's arguments compare equal. The
 * assertion's own calls keep their order (the assertion, its chain, an assertion nested in it):
 * swapping expected and actual, or the elements a list must hold, is not a reordered signature.
 * Unbalanced parentheses leave the tokens as they are (the line is compared as written).
 */
final class CallArguments {
  private CallArguments() {}

  static List<String> sorted(List<String> tokens) {
    if (!balanced(tokens)) {
      return tokens;
    }
    List<String> out = new ArrayList<>();
    int[] at = {0};
    while (at[0] < tokens.size()) {
      // Top level: the assertion's call and its chain (isEqualTo, containsExactly) keep order.
      out.addAll(next(tokens, at, false));
    }
    return out;
  }

  /** One token, or a parenthesised group with what it holds (sorted when it is a call's). */
  private static List<String> next(List<String> t, int[] at, boolean sortable) {
    String tok = t.get(at[0]++);
    if (!tok.equals("(")) {
      return List.of(tok);
    }
    boolean call =
        sortable
            && at[0] >= 2
            && isName(t.get(at[0] - 2))
            && !t.get(at[0] - 2).toLowerCase(java.util.Locale.ROOT).contains("assert");
    List<List<String>> args = new ArrayList<>();
    List<String> arg = new ArrayList<>();
    while (!t.get(at[0]).equals(")")) {
      if (t.get(at[0]).equals(",")) {
        args.add(arg);
        arg = new ArrayList<>();
        at[0]++;
      } else {
        arg.addAll(next(t, at, true));
      }
    }
    at[0]++;
    args.add(arg);
    if (call) {
      args.sort(Comparator.comparing(a -> String.join(" ", a)));
    }
    List<String> out = new ArrayList<>(List.of("("));
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        out.add(",");
      }
      out.addAll(args.get(i));
    }
    out.add(")");
    return out;
  }

  private static boolean isName(String tok) {
    return Character.isJavaIdentifierStart(tok.charAt(0));
  }

  private static boolean balanced(List<String> tokens) {
    int depth = 0;
    for (String t : tokens) {
      depth += t.equals("(") ? 1 : t.equals(")") ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }
}
