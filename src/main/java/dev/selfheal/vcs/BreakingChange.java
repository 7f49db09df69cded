package dev.selfheal.vcs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The change that broke the build: each file's text before (at the last commit known good) and
 * after (the failing state, uncommitted changes included), and the messages of the commits in
 * between. The strongest clue to renames, moves and intended changes.
 */
public record BreakingChange(List<FileChange> files, List<String> messages) {
  public static final BreakingChange NONE = new BreakingChange(List.of(), List.of());

  /**
   * One changed file; {@code before} is null for an added file, {@code after} for a deleted one.
   */
  public record FileChange(String path, String before, String after) {}

  public BreakingChange {
    files = List.copyOf(files);
    messages = List.copyOf(messages);
  }

  public Optional<FileChange> file(String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst();
  }

  /**
   * Reads the change from {@code good} to {@code failing} in a repository.
   *
   * @param head the last commit of the change; the messages of {@code good..head} declare its
   *     intent
   */
  public static BreakingChange read(Git git, String good, String failing, String head)
      throws IOException {
    List<FileChange> files = new ArrayList<>();
    String[] parts =
        git.run("diff", "--name-status", "-z", "--no-renames", good, failing).split("\u0000");
    for (int i = 0; i + 1 < parts.length; i += 2) {
      String status = parts[i];
      String path = parts[i + 1];
      String before = status.startsWith("A") ? null : show(git, good, path);
      String after = status.startsWith("D") ? null : show(git, failing, path);
      files.add(new FileChange(path, before, after));
    }
    List<String> messages = new ArrayList<>();
    if (!good.equals(head)) {
      for (String m : git.run("log", "--format=%B%x00", good + ".." + head).split("\u0000")) {
        if (!m.isBlank()) {
          messages.add(m.strip());
        }
      }
    }
    return new BreakingChange(files, messages);
  }

  private static String show(Git git, String rev, String path) {
    try {
      return git.run("show", rev + ":" + path);
    } catch (IOException e) {
      return null; // not text git can show (binary, submodule)
    }
  }
}
