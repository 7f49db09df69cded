package dev.selfheal.model;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A path inside a repository as every guard and writer must see it: canonical and repo-relative
 * ({@code src/main/A.java}), nothing that a matcher and the file system could read two ways. A path
 * a model wrote is attacker-controlled text, so anything else is refused, never normalised: {@code
 * .//.github/x} is not "the same as" {@code .github/x} to a guard that would have to agree with the
 * file system about it.
 */
public final class RepoPath {
  private static final int MAX_LENGTH = 4096;
  private static final int MAX_SEGMENT_BYTES = 255;

  private RepoPath() {}

  /** Why {@code path} is not a canonical repository-relative file path; empty when it is. */
  public static Optional<String> problem(String path) {
    if (path == null || path.isEmpty()) {
      return Optional.of("an empty path");
    }
    String shown = printable(path);
    if (path.length() > MAX_LENGTH) {
      return Optional.of(shown + " is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == 0) {
        return Optional.of(shown + " contains a NUL character and cannot name a file");
      }
      if (c < 0x20 || c == 0x7f) {
        return Optional.of(shown + " contains a control character");
      }
      if (c == '\\') {
        return Optional.of(shown + " contains a backslash; write paths with forward slashes");
      }
    }
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
      return Optional.of(shown + " is an absolute path; paths are relative to the repository");
    }
    if (path.startsWith("~")) {
      return Optional.of(shown + " starts with ~ (a home folder), not a repository path");
    }
    for (String seg : path.split("/", -1)) {
      if (seg.isEmpty()) {
        return Optional.of(shown + " has an empty segment (// or a trailing /)");
      }
      if (seg.equals(".") || seg.equals("..")) {
        return Optional.of(shown + " has a '" + seg + "' segment; give the canonical path");
      }
      if (seg.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
        return Optional.of(shown + " has a name longer than " + MAX_SEGMENT_BYTES + " bytes");
      }
    }
    return Optional.empty();
  }

  /** True for a path inside any {@code .git} folder or file (git's own state, a worktree link). */
  public static boolean isGitInternal(String path) {
    for (String seg : path.split("/", -1)) {
      if (seg.toLowerCase(Locale.ROOT).equals(".git")) {
        return true;
      }
    }
    return false;
  }

  /** A path that may not be read or written through; the message says why. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  /**
   * The file {@code rel} names under {@code root}, checked without following any link: the path is
   * canonical, no folder on the way (nor the file itself) is a symbolic link, and the real folder
   * it lands in is inside the root's real path. The file itself need not exist.
   */
  public static Path inside(Path root, String rel) throws Refused {
    Optional<String> bad = problem(rel);
    if (bad.isPresent()) {
      throw new Refused(bad.get());
    }
    if (isGitInternal(rel)) {
      throw new Refused(rel + " is inside .git: git's own state is never edited");
    }
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (java.io.IOException e) {
      throw new Refused(root + ": cannot resolve the repository folder: " + e.getMessage());
    }
    Path p = realRoot;
    String[] segs = rel.split("/");
    for (int i = 0; i < segs.length; i++) {
      p = p.resolve(segs[i]);
      if (Files.isSymbolicLink(p)) {
        throw new Refused(
            rel + " goes through the symbolic link " + realRoot.relativize(p) + "; not followed");
      }
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        break;
      }
      if (i < segs.length - 1 && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new Refused(rel + ": " + realRoot.relativize(p) + " is not a folder");
      }
    }
    Path target = realRoot.resolve(rel);
    if (!target.normalize().startsWith(realRoot)) {
      throw new Refused(rel + " leaves the repository");
    }
    return target;
  }

  private static String printable(String path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(path.length(), 200); i++) {
      char c = path.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\x%02x", (int) c) : c);
    }
    return "\"" + sb + (path.length() > 200 ? "…" : "") + "\"";
  }
}
