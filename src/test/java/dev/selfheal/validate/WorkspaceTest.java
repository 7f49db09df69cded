package dev.selfheal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path repo;
  @TempDir Path state;

  @Test
  void holdsHeadPlusUncommittedUntrackedAndNeededIgnoredFiles() throws Exception {
    Projects.write(repo, "a.txt", "committed\n");
    Projects.write(repo, "gone.txt", "to be deleted\n");
    GitRepos.commitAll(repo, "init");
    Projects.write(
        repo, ".gitignore", "target/\nnode_modules/\n.mvn/wrapper/*.jar\nlocal.properties\n");
    Projects.write(repo, "a.txt", "edited, not committed\n");
    Files.delete(repo.resolve("gone.txt"));
    Projects.write(repo, "new.txt", "untracked\n");
    Projects.write(repo, ".mvn/wrapper/maven-wrapper.jar", "jar");
    Projects.write(repo, "local.properties", "k=v\n");
    Projects.write(repo, "target/classes/A.class", "stale build output");
    Projects.write(repo, "node_modules/x/index.js", "module");
    try (Workspace ws = Workspace.create(repo, state, "run1", CommandRunner.system())) {
      Path w = ws.repo();
      assertThat(Files.readString(w.resolve("a.txt"))).isEqualTo("edited, not committed\n");
      assertThat(w.resolve("gone.txt")).doesNotExist();
      assertThat(Files.readString(w.resolve("new.txt"))).isEqualTo("untracked\n");
      assertThat(w.resolve(".mvn/wrapper/maven-wrapper.jar")).exists();
      assertThat(w.resolve("local.properties")).exists();
      assertThat(w.resolve("target")).doesNotExist();
      assertThat(Files.isSymbolicLink(w.resolve("node_modules"))).isTrue();
      assertThat(ws.original("a.txt")).isEqualTo("edited, not committed\n");
      Files.writeString(w.resolve("a.txt"), "candidate\n");
      Files.writeString(w.resolve("stray.txt"), "left by a candidate\n");
      ws.reset();
      assertThat(Files.readString(w.resolve("a.txt"))).isEqualTo("edited, not committed\n");
      assertThat(w.resolve("stray.txt")).doesNotExist();
    }
    assertThat(Files.list(state.resolve("workspaces")).toList()).isEmpty();
    assertThat(Files.readString(repo.resolve("a.txt"))).isEqualTo("edited, not committed\n");
  }

  @Test
  void aWorkspaceLeftByAKilledRunIsPruned() throws Exception {
    Projects.write(repo, "a.txt", "x\n");
    GitRepos.commitAll(repo, "init");
    Path stale = state.resolve("workspaces/old-run");
    Projects.write(
        stale.getParent().getParent(), "workspaces/old-run/.selfheal-owner", "999999999");
    Projects.write(stale.getParent().getParent(), "workspaces/old-run/tree/junk.txt", "junk");
    Path deadOwner = state.resolve("workspaces/older-run.999999999");
    Files.createDirectories(deadOwner.resolve("tree"));
    // Another heal of this process (the eval runs several) has just made its folder: not stale.
    Path live = state.resolve("workspaces/other-run." + ProcessHandle.current().pid());
    Files.createDirectories(live);
    try (Workspace ws = Workspace.create(repo, state, "run2", CommandRunner.system())) {
      assertThat(stale).doesNotExist();
      assertThat(deadOwner).doesNotExist();
      assertThat(live).exists();
      assertThat(ws.root().getParent().getFileName().toString())
          .isEqualTo("run2." + ProcessHandle.current().pid());
    }
  }

  @Test
  void submodulesAreFilledWithoutWritingTheUsersGitConfig(@TempDir Path libs) throws Exception {
    Path sub = libs.resolve("sub");
    Projects.write(sub, "lib.txt", "library\n");
    GitRepos.commitAll(sub, "lib");
    Path gone = libs.resolve("gone");
    Projects.write(gone, "x.txt", "x\n");
    GitRepos.commitAll(gone, "gone");
    Projects.write(repo, "a.txt", "x\n");
    GitRepos.commitAll(repo, "init");
    GitRepos.git(
        repo,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        sub.toString(),
        "lib/sub");
    GitRepos.git(
        repo,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        gone.toString(),
        "lib/gone");
    GitRepos.commitAll(repo, "submodules");
    // lib/gone is not checked out in the user's tree, and its URL is file:// (refused by git).
    GitRepos.git(repo, "submodule", "deinit", "-q", "-f", "lib/gone");
    GitRepos.git(repo, "config", "-f", ".gitmodules", "submodule.lib/gone.url", "file://" + gone);
    GitRepos.commitAll(repo, "file url");
    String config = Files.readString(repo.resolve(".git/config"));
    try (Workspace ws = Workspace.create(repo, state, "run4", CommandRunner.system())) {
      assertThat(Files.readString(ws.repo().resolve("lib/sub/lib.txt"))).isEqualTo("library\n");
      assertThat(ws.notices())
          .singleElement()
          .asString()
          .contains("lib/gone")
          .contains("left empty");
    }
    assertThat(Files.readString(repo.resolve(".git/config"))).isEqualTo(config);
  }

  @Test
  void aFolderOutsideGitIsCopied() throws Exception {
    Projects.write(repo, "src/A.java", "class A {}\n");
    Projects.write(repo, "target/junk", "x");
    try (Workspace ws = Workspace.create(repo, state, "run3", CommandRunner.system())) {
      assertThat(ws.repo().resolve("src/A.java")).exists();
      assertThat(ws.repo().resolve("target")).doesNotExist();
      assertThat(ws.baseCommit()).isNull();
    }
    assertThat(repo.resolve(".git")).doesNotExist();
  }
}
