package dev.selfheal.fix.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.fix.DependencyIndex;
import dev.selfheal.fix.EditWriter;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.JdkTypes;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureDetails;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Fix;
import dev.selfheal.testing.Projects;
import dev.selfheal.vcs.BreakingChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndeclaredDependencyRecipeTest {
  private static final String APP = "app/src/main/java/com/acme/app/App.java";
  private static final String APP_POM =
      """
      <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.acme</groupId><artifactId>root</artifactId><version>2.1</version></parent>
          <artifactId>app</artifactId>
          <dependencies>
              <dependency>
                  <groupId>org.slf4j</groupId>
                  <artifactId>slf4j-api</artifactId>
                  <version>2.0.17</version>
              </dependency>
          </dependencies>
      </project>
      """;

  /** A real jar from this build's own local repository, so its coordinate is read for real. */
  private static final Path PICOCLI = jarOf(picocli.CommandLine.class);

  @TempDir Path repo;
  private final UndeclaredDependencyRecipe recipe = new UndeclaredDependencyRecipe();

  @BeforeEach
  void reactor() {
    Projects.write(
        repo,
        "pom.xml",
        "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId>"
            + "<artifactId>root</artifactId><version>2.1</version><packaging>pom</packaging>"
            + "<modules><module>core</module><module>app</module></modules></project>\n");
    Projects.write(
        repo,
        "core/pom.xml",
        "<project><modelVersion>4.0.0</modelVersion><parent><groupId>com.acme</groupId>"
            + "<artifactId>root</artifactId><version>2.1</version></parent>"
            + "<artifactId>core</artifactId></project>\n");
    Projects.write(
        repo,
        "core/src/main/java/com/acme/core/Shape.java",
        "package com.acme.core;\n\npublic record Shape(int sides) {}\n");
    Projects.write(repo, "app/pom.xml", APP_POM);
  }

  private Optional<Fix> fix(String pkg, DependencyIndex deps, BreakingChange change, String file)
      throws Exception {
    Projects.write(
        repo, file, "package com.acme.app;\n\nimport " + pkg + ".Thing;\n\nclass App {}\n");
    Failure f =
        Failure.of(
            FailureKind.COMPILE_ERROR,
            file,
            3,
            15,
            "package " + pkg + " does not exist",
            null,
            null,
            FailureDetails.tool("javac"));
    return recipe.fix(f, new FixContext(repo, new JdkTypes(null), change).withDependencies(deps));
  }

  private Optional<Fix> fix(String pkg, DependencyIndex deps) throws Exception {
    return fix(pkg, deps, BreakingChange.NONE, APP);
  }

  private String appliedPom(Fix f) throws Exception {
    EditWriter.apply(repo, f.edits());
    return Files.readString(repo.resolve("app/pom.xml"));
  }

  @Test
  void aSiblingModuleIsDeclaredAtTheProjectVersion() throws Exception {
    Fix f = fix("com.acme.core", DependencyIndex.none(repo)).orElseThrow();
    assertThat(appliedPom(f))
        .isEqualTo(
            APP_POM.replace(
                "    </dependencies>\n",
                dep("com.acme", "core", "${project.version}") + "    </dependencies>\n"));
    assertThat(f.diagnosis().confidence()).isGreaterThanOrEqualTo(0.7);
    assertThat(f.diagnosis().reasoning()).contains("module core (com.acme:core) declares");
    assertThat(fix("com.acme.core", DependencyIndex.none(repo))).isEmpty(); // twice: no change
  }

  @Test
  void aJarAnotherModuleResolvesIsDeclaredWithItsVersion() throws Exception {
    DependencyIndex deps = index(Map.of("core", List.of(PICOCLI), "app", List.of()));
    Fix f = fix("picocli", deps).orElseThrow();
    assertThat(appliedPom(f))
        .contains(dep("info.picocli", "picocli", "4.7.7") + "    </dependencies>");
    assertThat(f.diagnosis().reasoning()).contains("already resolved for module core");
  }

  @Test
  void aManagedVersionIsLeftToTheParentAndTestSourcesGetTestScope() throws Exception {
    Projects.write(
        repo,
        "pom.xml",
        Files.readString(repo.resolve("pom.xml"))
            .replace(
                "</modules>",
                "</modules><dependencyManagement><dependencies><dependency><groupId>info.picocli"
                    + "</groupId><artifactId>picocli</artifactId><version>4.7.7</version>"
                    + "</dependency></dependencies></dependencyManagement>"));
    DependencyIndex deps = index(Map.of("core", List.of(PICOCLI), "app", List.of()));
    Fix f =
        fix("picocli", deps, BreakingChange.NONE, "app/src/test/java/com/acme/app/AppTest.java")
            .orElseThrow();
    assertThat(appliedPom(f))
        .contains("<artifactId>picocli</artifactId>\n            <scope>test</scope>\n")
        .doesNotContain("4.7.7</version>\n            <scope>");
  }

  @Test
  void aDependencyTheChangeRemovedComesBack() throws Exception {
    String before =
        APP_POM.replace(
            "    </dependencies>\n",
            dep("info.picocli", "picocli", "4.7.7") + "    </dependencies>\n");
    BreakingChange removed =
        new BreakingChange(
            List.of(new BreakingChange.FileChange("app/pom.xml", before, APP_POM)),
            List.of("chore: drop unused dependencies"));
    DependencyIndex deps = index(Map.of("app", List.of()));
    Fix f = fix("picocli", deps, removed, APP).orElseThrow();
    assertThat(appliedPom(f)).isEqualTo(before);
    assertThat(f.diagnosis().confidence()).isEqualTo(0.9);
  }

  @Test
  void aPackageOnTheModulesOwnClasspathOrInItsOwnSourcesIsNotItsBusiness() throws Exception {
    assertThat(fix("picocli", index(Map.of("app", List.of(PICOCLI))))).isEmpty();
    Projects.write(
        repo,
        "app/src/main/java/com/acme/app/util/Util.java",
        "package com.acme.app.util;\n\npublic class Util {}\n");
    assertThat(fix("com.acme.app.util", DependencyIndex.none(repo))).isEmpty();
    assertThat(fix("org.nowhere", DependencyIndex.none(repo))).isEmpty();
  }

  @Test
  void twoArtifactsOfferingThePackageAreAmbiguous() throws Exception {
    Projects.write(
        repo,
        "lib/pom.xml",
        "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId>"
            + "<artifactId>lib</artifactId><version>1</version></project>\n");
    Projects.write(
        repo,
        "lib/src/main/java/com/acme/core/Other.java",
        "package com.acme.core;\n\npublic class Other {}\n");
    Fix f = fix("com.acme.core", DependencyIndex.none(repo)).orElseThrow();
    assertThat(f.diagnosis().confidence()).isLessThan(0.7);
    assertThat(f.diagnosis().reasoning()).contains("2 artifacts offer package com.acme.core");
  }

  private static String dep(String g, String a, String v) {
    return "        <dependency>\n"
        + "            <groupId>"
        + g
        + "</groupId>\n"
        + "            <artifactId>"
        + a
        + "</artifactId>\n"
        + "            <version>"
        + v
        + "</version>\n"
        + "        </dependency>\n";
  }

  private DependencyIndex index(Map<String, List<Path>> classpaths) {
    return new DependencyIndex(repo, null, r -> classpaths);
  }

  private static Path jarOf(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
