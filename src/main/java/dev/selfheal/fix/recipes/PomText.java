package dev.selfheal.fix.recipes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A pom.xml read as text, so an edit changes the lines it adds and nothing else (a DOM round trip
 * would rewrite quoting, comments and blank lines). Knows where elements are, by path from the root
 * ({@code project/dependencies/dependency}), and how the file indents.
 */
final class PomText {
  record Element(String path, int start, int contentStart, int contentEnd, int end) {}

  private final String text;
  private final List<Element> elements;

  private PomText(String text, List<Element> elements) {
    this.text = text;
    this.elements = elements;
  }

  /** Empty for text that is not well-formed enough to edit safely. */
  static Optional<PomText> parse(String text) {
    List<Element> out = new ArrayList<>();
    Deque<String> names = new ArrayDeque<>();
    Deque<int[]> opens = new ArrayDeque<>();
    int i = 0;
    while ((i = text.indexOf('<', i)) >= 0) {
      if (text.startsWith("<!--", i)) {
        i = skip(text, i, "-->");
      } else if (text.startsWith("<![CDATA[", i)) {
        i = skip(text, i, "]]>");
      } else if (text.startsWith("<?", i) || text.startsWith("<!", i)) {
        i = skip(text, i, ">");
      } else {
        int close = text.indexOf('>', i);
        if (close < 0) {
          return Optional.empty();
        }
        String tag = text.substring(i + 1, close);
        if (tag.startsWith("/")) {
          String name = tag.substring(1).strip();
          if (names.isEmpty() || !names.peek().equals(name)) {
            return Optional.empty();
          }
          int[] open = opens.pop();
          out.add(new Element(path(names), open[0], open[1], i, close + 1));
          names.pop();
        } else {
          String name = tag.split("[\\s/]", 2)[0];
          if (tag.endsWith("/")) {
            names.push(name);
            out.add(new Element(path(names), i, close + 1, close + 1, close + 1));
            names.pop();
          } else {
            names.push(name);
            opens.push(new int[] {i, close + 1});
          }
        }
        i = close + 1;
      }
      if (i < 0) {
        return Optional.empty();
      }
    }
    return names.isEmpty() ? Optional.of(new PomText(text, out)) : Optional.empty();
  }

  private static int skip(String text, int from, String end) {
    int e = text.indexOf(end, from);
    return e < 0 ? -1 : e + end.length();
  }

  private static String path(Deque<String> names) {
    List<String> parts = new ArrayList<>(names);
    java.util.Collections.reverse(parts);
    return String.join("/", parts);
  }

  String text() {
    return text;
  }

  List<Element> all(String path) {
    return elements.stream().filter(e -> e.path().equals(path)).toList();
  }

  Optional<Element> first(String path) {
    return elements.stream().filter(e -> e.path().equals(path)).findFirst();
  }

  /** The trimmed text of a child element of {@code parent}, e.g. a dependency's artifactId. */
  Optional<String> child(Element parent, String name) {
    return childElement(parent, name)
        .map(e -> text.substring(e.contentStart(), e.contentEnd()).strip());
  }

  Optional<Element> childElement(Element parent, String name) {
    return elements.stream()
        .filter(
            e ->
                e.path().equals(parent.path() + "/" + name)
                    && e.start() > parent.start()
                    && e.end() < parent.end())
        .findFirst();
  }

  /** The text without an element: its whole line when it stands alone on it. */
  String remove(Element e) {
    int lineStart = text.lastIndexOf('\n', e.start() - 1) + 1;
    int lineEnd = text.indexOf('\n', e.end());
    lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
    boolean alone =
        text.substring(lineStart, e.start()).isBlank()
            && text.substring(e.end(), lineEnd).isBlank();
    return alone
        ? text.substring(0, lineStart) + text.substring(lineEnd)
        : text.substring(0, e.start()) + text.substring(e.end());
  }

  /** The project's own coordinate, its parent's when not declared (as Maven inherits them). */
  Optional<String> coordinate(String name) {
    return first("project/" + name)
        .map(e -> text.substring(e.contentStart(), e.contentEnd()).strip())
        .or(
            () ->
                first("project/parent/" + name)
                    .map(e -> text.substring(e.contentStart(), e.contentEnd()).strip()));
  }

  /** One level of indentation, as the file's children of {@code <project>} are indented. */
  String unit() {
    return first("project/modelVersion")
        .or(() -> first("project/artifactId"))
        .map(e -> indentAt(e.start()))
        .filter(s -> !s.isEmpty())
        .orElse("  ");
  }

  String newline() {
    return text.contains("\r\n") ? "\r\n" : "\n";
  }

  /** The whitespace before the element's line. */
  String indentAt(int offset) {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int j = lineStart;
    while (j < offset && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    return text.substring(lineStart, j);
  }

  /**
   * The text with {@code block} (lines without indentation, joined by newlines) inserted as the
   * last child of {@code parent}, indented one level deeper than it.
   */
  String insertLast(Element parent, String block) {
    String nl = newline();
    String indent = indentAt(parent.start()) + unit();
    StringBuilder sb = new StringBuilder();
    for (String line : block.split("\n")) {
      sb.append(indent).append(line).append(nl);
    }
    int closeLineStart = text.lastIndexOf('\n', parent.contentEnd() - 1) + 1;
    boolean closeOnOwnLine = text.substring(closeLineStart, parent.contentEnd()).isBlank();
    if (closeOnOwnLine) {
      return text.substring(0, closeLineStart) + sb + text.substring(closeLineStart);
    }
    return text.substring(0, parent.contentEnd())
        + nl
        + sb
        + indentAt(parent.start())
        + text.substring(parent.contentEnd());
  }

  /** The text with a new element inserted before {@code before}, at its indentation. */
  String insertBefore(Element before, String block) {
    String nl = newline();
    String indent = indentAt(before.start());
    StringBuilder sb = new StringBuilder();
    for (String line : block.split("\n")) {
      sb.append(line.isEmpty() ? "" : indent + line).append(nl);
    }
    int lineStart = text.lastIndexOf('\n', before.start() - 1) + 1;
    return text.substring(0, lineStart) + sb + text.substring(lineStart);
  }
}
