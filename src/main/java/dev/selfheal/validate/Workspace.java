package dev.selfheal.validate;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.vcs.BreakingChange;
import dev.selfheal.vcs.Git;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An isolated copy of the failing state, where every candidate is built and tested: HEAD as a
 * detached git worktree (a plain copy outside git), plus the user's uncommitted and untracked
 * changes, committed there as a baseline so a candidate can be reset and diffed. Build outputs are
 * not carried; dependency folders (node_modules, virtualenvs) are linked; other ignored files the
 * build may need (a Maven wrapper jar, local config) are copied. Removed on close, and by the next
 * run if a killed run left it behind.
 */
public final class Workspace implements AutoCloseable {
  private static final Set<String> OUTPUT_DIRS =
      Set.of(
          "target",
          "build",
          "out",
          "dist",
          ".gradle",
          "__pycache__",
          ".pytest_cache",
          ".mypy_cache",
          ".tox");
  private static final Set<String> LINKED_DIRS = Set.of("node_modules", ".venv", "venv");

  /** Where workspaces made before their folder's name carried the owner's pid recorded it. */
  private static final String OWNER = ".selfheal-owner";

  private static final java.util.regex.Pattern OWNED =
      java.util.regex.Pattern.compile(".*\\.(\\d+)");

  private final Path root;
  private final Path repo;
  private final Git git;
  private final Git userGit;
  private final String baseCommit;
  private final String baseline;
  private final Path holder;
  private final Thread cleanup;
  private String good;
  private final List<String> notices = new ArrayList<>();

  private Workspace(Path holder, Path root, Path repo, Git git, Git userGit, String baseCommit)
      throws IOException {
    this.holder = holder;
    this.root = root;
    this.repo = repo;
    this.git = git;
    this.userGit = userGit;
    this.baseCommit = baseCommit;
    this.baseline = git.head();
    // Ctrl-C ends the JVM without running finally blocks; the hook removes the workspace then.
    this.cleanup =
        new Thread(() -> removeQuietly(holder, userGit, root), "selfheal-workspace-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** The repository inside the workspace (the same sub-folder the user named, if not the top). */
  public Path repo() {
    return repo;
  }

  public Path root() {
    return root;
  }

  /** The user's HEAD when the run began, or null outside git. */
  public String baseCommit() {
    return baseCommit;
  }

  public static Workspace create(Path userRepo, Path stateDir, String runId, CommandRunner runner)
      throws IOException {
    Path workspaces = stateDir.resolve("workspaces");
    Files.createDirectories(workspaces);
    pruneStale(workspaces);
    // The owner is in the name, so no other heal sharing this state ever sees the folder without
    // it (a file written after the folder leaves a moment in which a pruner takes it for stale).
    Path holder = workspaces.resolve(runId + "." + ProcessHandle.current().pid());
    Files.createDirectories(holder);
    Path root = holder.resolve("tree");
    Git user = new Git(runner, userRepo);
    try {
      // A repository without a commit yet has no HEAD to check out: it is copied like any folder.
      if (user.isRepository() && hasHead(user)) {
        Path top = user.topLevel().toRealPath();
        Git topGit = new Git(runner, top);
        String head = topGit.head();
        topGit.run("worktree", "prune"); // records of worktrees a killed run left behind
        topGit.run("worktree", "add", "--detach", "-f", root.toString(), head);
        Git ws = new Git(runner, root);
        List<String> notices = new ArrayList<>();
        if (Files.exists(root.resolve(".gitmodules"))) {
          checkOutSubmodules(top, ws, root, notices);
        }
        carryChanges(topGit, top, root);
        ws.commitAll("selfheal baseline: the user's uncommitted changes");
        Path repo = root.resolve(top.relativize(userRepo.toRealPath()).toString());
        Workspace w = new Workspace(holder, root, repo, ws, topGit, head);
        w.notices.addAll(notices);
        return w;
      }
      copyTree(userRepo, root);
      Git ws = new Git(runner, root);
      ws.run("init", "-q");
      ws.commitAll("selfheal baseline");
      return new Workspace(holder, root, root, ws, null, null);
    } catch (IOException | RuntimeException e) {
      removeQuietly(holder, user, root);
      throw e;
    }
  }

  /**
   * Fills each submodule of the workspace without writing to the user's {@code .git/config} (a
   * linked worktree shares it, and {@code submodule update --init} would record every submodule
   * there): the URL and "active" are given for this one command. A submodule the user has checked
   * out is cloned from that checkout, offline; another from its URL, without prompting. One that
   * cannot be fetched (a private one without credentials, a {@code file://} URL git refuses) is
   * left empty, with a notice.
   */
  private static void checkOutSubmodules(Path top, Git ws, Path root, List<String> notices) {
    String listing;
    try {
      listing =
          ws.run(
              "config", "-f", ".gitmodules", "--null", "--get-regexp", "^submodule\\..*\\.path$");
    } catch (IOException e) {
      notices.add("the submodules in .gitmodules could not be read: " + firstLine(e));
      return;
    }
    for (String entry : listing.split("\u0000")) {
      int nl = entry.indexOf('\n');
      if (nl < 0) {
        continue;
      }
      String key = entry.substring(0, nl);
      String path = entry.substring(nl + 1);
      String name = key.substring("submodule.".length(), key.length() - ".path".length());
      Path mine = top.resolve(path);
      String url;
      if (Files.exists(mine.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        url = mine.toString();
      } else {
        try {
          url = ws.run("config", "-f", ".gitmodules", "submodule." + name + ".url").strip();
        } catch (IOException e) {
          notices.add("submodule " + path + " has no URL in .gitmodules; it is left empty");
          continue;
        }
      }
      try {
        ws.run(
            "-c",
            "protocol.file.allow=" + (url.equals(mine.toString()) ? "always" : "user"),
            "-c",
            "submodule." + name + ".url=" + url,
            "-c",
            "submodule." + name + ".active=true",
            "submodule",
            "update",
            "--recursive",
            "--",
            path);
      } catch (IOException e) {
        notices.add(
            "submodule "
                + path
                + " could not be checked out in the isolated copy ("
                + firstLine(e)
                + "); it is left empty there — check it out in your tree, or give the job"
                + " credentials for it");
      }
    }
  }

  private static String firstLine(IOException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    String[] lines = m.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  /** What the workspace could not set up as asked (a submodule that could not be fetched). */
  public List<String> notices() {
    return List.copyOf(notices);
  }

  /**
   * A second isolated copy, of the last good commit (the start of the breaking change, else HEAD's
   * parent) with nothing of the user's uncommitted state: where a failure is checked for having
   * been there before the change. Empty outside git or for a first commit.
   */
  public java.util.Optional<Workspace> beforeTheChange(
      Path stateDir, String runId, CommandRunner runner) throws IOException {
    if (baseCommit == null || userGit == null) {
      return java.util.Optional.empty();
    }
    String commit = good;
    if (commit == null) {
      try {
        commit = git.run("rev-parse", "--verify", "-q", baseCommit + "^").strip();
      } catch (IOException firstCommit) {
        return java.util.Optional.empty();
      }
    }
    Path holder =
        stateDir.resolve("workspaces").resolve(runId + "-before." + ProcessHandle.current().pid());
    Files.createDirectories(holder);
    Path other = holder.resolve("tree");
    try {
      userGit.run("worktree", "add", "--detach", "-f", other.toString(), commit);
      Git g = new Git(runner, other);
      List<String> notices = new ArrayList<>();
      if (Files.exists(other.resolve(".gitmodules"))) {
        checkOutSubmodules(userGit.dir(), g, other, notices);
      }
      Path sub = other.resolve(root.relativize(repo).toString());
      Workspace w = new Workspace(holder, other, sub, g, userGit, commit);
      w.notices.addAll(notices);
      return java.util.Optional.of(w);
    } catch (IOException | RuntimeException e) {
      removeQuietly(holder, userGit, other);
      throw e;
    }
  }

  private static boolean hasHead(Git git) {
    try {
      git.head();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Throws away a candidate: back to the baseline commit, untracked leftovers removed. */
  public void reset() throws IOException {
    git.run("reset", "-q", "--hard", "HEAD");
    git.run("clean", "-fdq");
  }

  /** Keeps what is in the tree now as the new baseline (a fix accepted so far). */
  public void keep(String message) throws IOException {
    git.commitAll(message);
  }

  /**
   * Compares the failing state with this commit instead of HEAD's parent: the last commit whose CI
   * passed, or the merge base with the target branch. Ignored unless it is an ancestor of HEAD.
   */
  public void compareWith(String goodCommit) {
    if (baseCommit != null && goodCommit != null) {
      try {
        git.run("merge-base", "--is-ancestor", goodCommit, baseCommit);
        this.good = goodCommit;
      } catch (IOException notAnAncestor) {
        this.good = null;
      }
    }
  }

  /** The commit the breaking change starts from (null: HEAD's parent). */
  public String goodCommit() {
    return good;
  }

  /**
   * What broke the build: from the last good commit (by default the parent of the user's HEAD, HEAD
   * itself for a first commit) to the failing state, uncommitted changes included. Paths are
   * relative to the workspace root.
   */
  public BreakingChange breakingChange() {
    if (baseCommit == null) {
      return BreakingChange.NONE;
    }
    try {
      String good = this.good;
      if (good == null) {
        try {
          good = git.run("rev-parse", "--verify", "-q", baseCommit + "^").strip();
        } catch (IOException noParent) {
          good = baseCommit;
        }
      }
      return BreakingChange.read(git, good, baseline, baseCommit);
    } catch (IOException e) {
      return BreakingChange.NONE; // no clue is better than a wrong one
    }
  }

  /**
   * The commit that most likely broke the build: the newest one of the breaking range that touched
   * any of {@code paths} (repo-relative), else the newest of the range; {sha, subject, author
   * name}. Empty outside git or when the range holds no commit (only uncommitted changes).
   */
  public java.util.Optional<String[]> breakingCommit(List<String> paths) {
    if (baseCommit == null) {
      return java.util.Optional.empty();
    }
    String from = good;
    if (from == null) {
      try {
        from = git.run("rev-parse", "--verify", "-q", baseCommit + "^").strip();
      } catch (IOException noParent) {
        from = null;
      }
    }
    String range = from == null ? baseCommit : from + ".." + baseCommit;
    String prefix = root.relativize(repo).toString().replace('\\', '/');
    List<String> args = new ArrayList<>(List.of("log", "-1", "--format=%H%x00%s%x00%an", range));
    if (!paths.isEmpty()) {
      args.add("--");
      paths.forEach(p -> args.add(prefix.isEmpty() ? p : prefix + "/" + p));
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        String out = git.run(args.toArray(String[]::new)).strip();
        if (!out.isEmpty()) {
          return java.util.Optional.of(out.split("\u0000", 3));
        }
      } catch (IOException e) {
        // no such range: nothing to say
      }
      int dash = args.indexOf("--");
      if (dash < 0) {
        break;
      }
      args.subList(dash, args.size()).clear(); // none touched them: the newest of the range
    }
    return java.util.Optional.empty();
  }

  /**
   * The text of a file as the user had it when the run began; null for a file that did not exist.
   */
  public String original(String relativeFile) throws IOException {
    String rel = root.relativize(repo.resolve(relativeFile)).toString().replace('\\', '/');
    try {
      return git.run("show", baseline + ":" + rel);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it removes the workspace
      return;
    }
    removeQuietly(holder, userGit, root);
  }

  private static void removeQuietly(Path holder, Git userGit, Path root) {
    try {
      if (userGit != null) {
        userGit.run("worktree", "remove", "--force", root.toString());
      }
    } catch (IOException ignored) {
      // deleted below; `git worktree prune` at the next start clears git's record of it
    }
    deleteTree(holder);
  }

  /** Removes workspaces whose owning process is gone (a run killed before it could clean up). */
  private static void pruneStale(Path workspaces) throws IOException {
    try (Stream<Path> dirs = Files.list(workspaces)) {
      for (Path d : dirs.toList()) {
        long pid = -1;
        java.util.regex.Matcher owned = OWNED.matcher(d.getFileName().toString());
        try {
          pid =
              owned.matches()
                  ? Long.parseLong(owned.group(1))
                  : Long.parseLong(Files.readString(d.resolve(OWNER)).strip());
        } catch (IOException | NumberFormatException e) {
          // no owner recorded: stale
        }
        if (pid < 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          deleteTree(d);
        }
      }
    }
  }

  private static void carryChanges(Git user, Path top, Path ws) throws IOException {
    List<String> paths = new ArrayList<>(user.changedTracked());
    paths.addAll(user.untracked());
    for (String rel : paths) {
      if (isOutput(rel)) {
        continue;
      }
      Path from = top.resolve(rel);
      Path to = ws.resolve(rel);
      if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(to.getParent());
        Files.copy(
            from,
            to,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES,
            LinkOption.NOFOLLOW_LINKS);
      } else {
        Files.deleteIfExists(to);
      }
    }
    for (String rel : user.ignored()) {
      String clean = rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
      if (isOutput(clean)) {
        continue;
      }
      Path from = top.resolve(clean);
      Path to = ws.resolve(clean);
      Files.createDirectories(to.getParent());
      if (LINKED_DIRS.contains(from.getFileName().toString()) && Files.isDirectory(from)) {
        Files.createSymbolicLink(to, from);
      } else if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
        copyTree(from, to);
      } else if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
      }
    }
  }

  private static boolean isOutput(String rel) {
    for (String part : rel.split("/")) {
      if (OUTPUT_DIRS.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Copies a project's files without its build outputs or {@code .git}; dependency folders
   * (node_modules, virtualenvs) are linked, not copied.
   */
  public static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (!dir.equals(from) && (OUTPUT_DIRS.contains(name) || name.equals(".git"))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Path target = to.resolve(from.relativize(dir).toString());
            if (!dir.equals(from) && LINKED_DIRS.contains(name)) {
              Files.createDirectories(target.getParent());
              Files.createSymbolicLink(target, dir);
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(target);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort; the next run prunes what is left
                }
              });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
