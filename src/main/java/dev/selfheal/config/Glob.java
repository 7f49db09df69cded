package dev.selfheal.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A gitignore-style path pattern matched against repo-relative paths with forward slashes. A
 * pattern without a slash matches a name at any depth; {@code **}{@code /} matches zero or more
 * folders; a pattern that matches a folder matches everything under it.
 */
public final class Glob {
  private final String pattern;
  private final Pattern regex;

  private Glob(String pattern, Pattern regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  public static Glob of(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    String p = pattern.strip();
    if (p.isEmpty()) {
      throw new IllegalArgumentException("empty glob");
    }
    boolean anchored = p.startsWith("/");
    if (anchored) {
      p = p.substring(1);
    }
    boolean folder = p.endsWith("/");
    if (folder) {
      p = p.substring(0, p.length() - 1);
    }
    // As in gitignore, a slash anywhere but at the end anchors the pattern at the root.
    if (!anchored && !p.contains("/")) {
      p = "**/" + p;
    }
    if (folder) {
      p = p + "/**";
    }
    return new Glob(pattern, Pattern.compile(toRegex(p)));
  }

  public String pattern() {
    return pattern;
  }

  /** True when the path, or any folder that contains it, matches. */
  public boolean matches(String relativePath) {
    String path = relativePath.replace('\\', '/');
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (regex.matcher(path).matches()) {
      return true;
    }
    for (int i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      if (regex.matcher(path.substring(0, i)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        re.append("(?:.*/)?");
        i += 3;
      } else if (glob.startsWith("/**", i) && i + 3 == glob.length()) {
        re.append("(?:/.*)?");
        i += 3;
      } else if (glob.startsWith("**", i)) {
        re.append(".*");
        i += 2;
      } else if (c == '*') {
        re.append("[^/]*");
        i++;
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return re.toString();
  }

  @Override
  public String toString() {
    return pattern;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Glob g && g.pattern.equals(pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }
}
