package dev.selfheal.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a command into the words {@code /bin/sh} would pass, for commands simple enough that no
 * expansion can happen: plain words, single quotes, and double quotes without {@code $}, {@code `}
 * or {@code \}. Anything the shell would interpret (variables, globs, redirections, pipes, {@code
 * ;}, escapes) makes it empty: such a command only a real shell runs faithfully.
 */
public final class ShellWords {
  private static final String PLAIN = "-_=.,/:#@+%^";

  private ShellWords() {}

  public static Optional<List<String>> split(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int i = 0;
    int n = command.length();
    while (i < n) {
      char c = command.charAt(i);
      if (c == ' ' || c == '\t') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        i++;
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
        if (c == '#') {
          return Optional.empty(); // a comment
        }
      }
      if (c == '\'' || c == '"') {
        int end = command.indexOf(c, i + 1);
        if (end < 0) {
          return Optional.empty();
        }
        String quoted = command.substring(i + 1, end);
        if (c == '"'
            && (quoted.indexOf('$') >= 0
                || quoted.indexOf('`') >= 0
                || quoted.indexOf('\\') >= 0)) {
          return Optional.empty();
        }
        word.append(quoted);
        i = end + 1;
      } else if (Character.isLetterOrDigit(c) || PLAIN.indexOf(c) >= 0) {
        word.append(c);
        i++;
      } else {
        return Optional.empty();
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    if (words.isEmpty() || words.get(0).contains("=")) {
      return Optional.empty(); // nothing to run, or a variable assignment before the program
    }
    return Optional.of(List.copyOf(words));
  }
}
