package dev.selfheal.fix.recipes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * javac's "cannot find symbol" details read back: the missing member (method with its argument
 * types, or variable) and the type it was looked up in, from the {@code location} line.
 */
record JavacSymbol(String member, boolean method, int arguments, String ownerType) {
  private static final Pattern SYMBOL =
      Pattern.compile("^(method|variable) ([\\w$]+)(?:\\((.*)\\))?$");
  private static final Pattern OF_TYPE = Pattern.compile("of type ([\\w$.]+)");
  private static final Pattern TYPE =
      Pattern.compile("^(?:class|interface|enum|record) ([\\w$.]+)");

  static Optional<JavacSymbol> of(String symbol, String location) {
    if (symbol == null || location == null) {
      return Optional.empty();
    }
    Matcher s = SYMBOL.matcher(symbol.strip());
    if (!s.matches()) {
      return Optional.empty();
    }
    Matcher owner = OF_TYPE.matcher(location);
    String type = owner.find() ? owner.group(1) : null;
    if (type == null) {
      Matcher t = TYPE.matcher(location.strip());
      type = t.find() ? t.group(1) : null;
    }
    if (type == null) {
      return Optional.empty();
    }
    boolean method = s.group(1).equals("method");
    String args = s.group(3) == null ? "" : s.group(3).strip();
    int count = args.isEmpty() ? 0 : splitTopLevel(args);
    return Optional.of(new JavacSymbol(s.group(2), method, count, type));
  }

  String ownerSimpleName() {
    String t = ownerType.contains("<") ? ownerType.substring(0, ownerType.indexOf('<')) : ownerType;
    return t.substring(t.lastIndexOf('.') + 1).replaceAll("^.*\\$", "");
  }

  /** Commas outside angle brackets: Map<K,V> is one argument. */
  private static int splitTopLevel(String args) {
    int depth = 0;
    int count = 1;
    for (char c : args.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        count++;
      }
    }
    return count;
  }
}
