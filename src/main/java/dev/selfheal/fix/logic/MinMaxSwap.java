package dev.selfheal.fix.logic;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call to the opposite of the method meant: {@code min} for {@code max}, {@code floor} for {@code
 * ceil}, {@code first} for {@code last}, {@code getSuccessors} for {@code getPredecessors} — any
 * word of the name swapped for its opposite.
 */
public final class MinMaxSwap implements RepairTemplate {
  private static final List<List<String>> PAIRS =
      List.of(
          List.of("min", "max"),
          List.of("floor", "ceil"),
          List.of("floor", "ceiling"),
          List.of("first", "last"),
          List.of("lower", "higher"),
          List.of("upper", "lower"),
          List.of("head", "tail"),
          List.of("start", "end"),
          List.of("starts", "ends"),
          List.of("begin", "end"),
          List.of("prev", "next"),
          List.of("previous", "next"),
          List.of("predecessor", "successor"),
          List.of("predecessors", "successors"),
          List.of("left", "right"),
          List.of("before", "after"),
          List.of("any", "all"),
          List.of("increment", "decrement"),
          List.of("push", "pop"),
          List.of("top", "bottom"),
          List.of("width", "height"));
  private static final Pattern WORD = Pattern.compile("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\\d+");

  @Override
  public String id() {
    return "opposite-method";
  }

  @Override
  public String description() {
    return "Calls the opposite method: min for max, first for last, predecessors for successors.";
  }

  @Override
  public double prior() {
    return 0.5;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<Mutation> out = new ArrayList<>();
    for (MethodCallExpr m : site.on(MethodCallExpr.class)) {
      String name = m.getNameAsString();
      for (String other : opposites(name)) {
        int at = site.start(m.getName());
        out.add(
            new Mutation(
                at, at + name.length(), other, id() + ": `" + name + "` → `" + other + "`"));
      }
    }
    return out;
  }

  /** The name with one of its words replaced by its opposite, for each word that has one. */
  static List<String> opposites(String name) {
    List<String> out = new ArrayList<>();
    Matcher w = WORD.matcher(name);
    while (w.find()) {
      String word = w.group();
      String lower = word.toLowerCase(java.util.Locale.ROOT);
      for (List<String> pair : PAIRS) {
        int i = pair.indexOf(lower);
        if (i < 0) {
          continue;
        }
        String to = pair.get(1 - i);
        String cased =
            Character.isUpperCase(word.charAt(0))
                ? Character.toUpperCase(to.charAt(0)) + to.substring(1)
                : to;
        String other = name.substring(0, w.start()) + cased + name.substring(w.end());
        if (!out.contains(other)) {
          out.add(other);
        }
      }
    }
    return out;
  }
}
