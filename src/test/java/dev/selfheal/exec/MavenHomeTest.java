package dev.selfheal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the {@code mvn} script would compute, computed the same way for a warm JVM. */
class MavenHomeTest {
  @TempDir Path dir;

  @Test
  void theProjectBaseDirIsTheNearestFolderWithDotMvnAboveTheWorkingDirOrTheFileArgument()
      throws Exception {
    Path top = Files.createDirectories(dir.resolve("top"));
    Files.createDirectories(top.resolve(".mvn"));
    Path module = Files.createDirectories(top.resolve("app/core"));
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

    assertThat(MavenHome.projectBaseDir(module, List.of("verify"), Map.of())).contains(top);
    assertThat(MavenHome.projectBaseDir(elsewhere, List.of("verify"), Map.of()))
        .contains(elsewhere);
    assertThat(
            MavenHome.projectBaseDir(
                elsewhere, List.of("-f", module.resolve("pom.xml").toString(), "verify"), Map.of()))
        .contains(top);
    assertThat(MavenHome.projectBaseDir(elsewhere, List.of("-f", "nope.xml"), Map.of())).isEmpty();
    assertThat(
            MavenHome.projectBaseDir(
                module, List.of("verify"), Map.of("MAVEN_BASEDIR", elsewhere.toString())))
        .contains(elsewhere);
  }

  @Test
  void jvmOptionsAreTheProjectsJvmConfigThenMavenOptsSplitIntoWords() throws Exception {
    Files.createDirectories(dir.resolve(".mvn"));
    Files.writeString(dir.resolve(".mvn/jvm.config"), "-Xmx512m\r\n-XX:+UseSerialGC\n");
    assertThat(MavenHome.jvmOptions(dir, Map.of("MAVEN_OPTS", " -Dfoo=bar  -Xss2m ")))
        .contains(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dfoo=bar", "-Xss2m"));
    assertThat(MavenHome.jvmOptions(dir, Map.of("MAVEN_OPTS", "-Dfiles=*.txt"))).isEmpty();
    assertThat(MavenHome.fieldSplit("")).contains(List.of());
  }

  @Test
  void theInstalledMavenIsFoundBehindItsScriptOnThePath() throws Exception {
    var home = MavenHome.onPath(Map.of("PATH", System.getenv("PATH")));
    assertThat(home).isPresent();
    assertThat(home.get().dir().resolve("bin/m2.conf")).exists();
    assertThat(home.get().classworlds().getFileName().toString()).startsWith("plexus-classworlds-");
    assertThat(home.get().isOnPath(Map.of("PATH", System.getenv("PATH")))).isTrue();
    assertThat(MavenHome.onPath(Map.of("PATH", dir.toString()))).isEmpty();
    assertThat(home.get().isOnPath(Map.of("PATH", dir.toString()))).isFalse();
  }
}
