package dev.selfheal.vcs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The change that broke the build: each file's text before (at the last commit known good) and
 * after (the failing state, uncommitted changes included), and the messages of the commits in
 * between. The strongest clue to renames, moves and intended changes.
 */
public record BreakingChange(List<FileChange> files, List<String> messages) {
  public static final BreakingChange NONE = new BreakingChange(List.of(), List.of());

  /** Larger files are named in the change but not read: no clue is worth a 300 MB string. */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  /**
   * One changed file; {@code before} is null for an added file, {@code after} for a deleted one;
   * both are null for a file over {@link #MAX_FILE_BYTES} ({@code large}).
   */
  public record FileChange(String path, String before, String after, boolean large) {
    public FileChange(String path, String before, String after) {
      this(path, before, after, false);
    }
  }

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
    List<String> paths = new ArrayList<>();
    for (int i = 0; i + 1 < parts.length; i += 2) {
      paths.add(parts[i + 1]);
    }
    Map<String, Long> sizes = sizes(git, good, paths);
    sizes.putAll(sizes(git, failing, paths));
    for (int i = 0; i + 1 < parts.length; i += 2) {
      String status = parts[i];
      String path = parts[i + 1];
      if (sizes.getOrDefault(path, 0L) > MAX_FILE_BYTES) {
        files.add(new FileChange(path, null, null, true));
        continue;
      }
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

  /**
   * The size in bytes of each of {@code paths} at {@code rev} (the largest of either side wins).
   */
  private static Map<String, Long> sizes(Git git, String rev, List<String> paths)
      throws IOException {
    Map<String, Long> out = new HashMap<>();
    for (int from = 0; from < paths.size(); from += 200) {
      List<String> args =
          new ArrayList<>(List.of("ls-tree", "-r", "-l", "-z", "--full-tree", rev, "--"));
      args.addAll(paths.subList(from, Math.min(paths.size(), from + 200)));
      for (String entry : git.run(args.toArray(String[]::new)).split("\u0000")) {
        int tab = entry.indexOf('\t');
        String[] meta = tab < 0 ? new String[0] : entry.substring(0, tab).trim().split("\\s+");
        if (meta.length == 4 && meta[3].matches("\\d+")) {
          out.merge(entry.substring(tab + 1), Long.parseLong(meta[3]), Math::max);
        }
      }
    }
    return out;
  }

  private static String show(Git git, String rev, String path) {
    try {
      return git.run("show", rev + ":" + path);
    } catch (IOException e) {
      return null; // not text git can show (binary, submodule)
    }
  }
}
