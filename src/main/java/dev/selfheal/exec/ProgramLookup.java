package dev.selfheal.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks before a run that the command's program exists, so a typo is a clear message rather than a
 * shell's exit 127 buried in a log. Only a simple leading word is checked: a command that starts
 * with shell syntax is left to the shell.
 */
final class ProgramLookup {
  /** POSIX shell builtins and keywords: never on the PATH, always there. */
  private static final Set<String> SHELL_WORDS =
      Set.of(
          "cd", "export", "set", "exec", "env", "true", "false", "test", "[", "echo", ":", ".",
          "read", "source", "eval", "exit", "return", "shift", "unset", "umask", "ulimit", "trap",
          "wait", "command", "type", "printf", "alias", "times", "if", "for", "while", "until",
          "case", "{", "!");

  private ProgramLookup() {}

  static void check(String command, Path workDir, String path) throws CommandNotFoundException {
    String word = firstWord(command.strip());
    if (word.isEmpty()
        || SHELL_WORDS.contains(word)
        || word.contains("=")
        || hasShellSyntax(word)) {
      return;
    }
    if (word.contains("/")) {
      Path p = workDir.resolve(word);
      if (!Files.isRegularFile(p)) {
        throw new CommandNotFoundException(
            "command not found: " + word + " (no such file in " + workDir + ")");
      }
      if (!Files.isExecutable(p)) {
        throw new CommandNotFoundException(
            "command not executable: " + word + " (chmod +x it, or run it through sh)");
      }
      return;
    }
    if (find(word, path).isPresent()) {
      return;
    }
    throw new CommandNotFoundException(
        "command not found: "
            + word
            + " (not on PATH); install it, or pass --command / set `command` in .selfheal.yml");
  }

  /** Where a program is on a PATH: the first executable of that name, as the shell finds it. */
  static java.util.Optional<Path> find(String program, String path) {
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return java.util.Optional.of(Path.of(dir, program));
      }
    }
    return java.util.Optional.empty();
  }

  private static String firstWord(String s) {
    int i = 0;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }

  private static boolean hasShellSyntax(String w) {
    for (char c : w.toCharArray()) {
      if ("'\"$`(){};|&<>*?\\".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
