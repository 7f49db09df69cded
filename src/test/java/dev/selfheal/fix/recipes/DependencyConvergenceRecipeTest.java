package dev.selfheal.fix.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.fix.EditWriter;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.JdkTypes;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureDetails;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Fix;
import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyConvergenceRecipeTest {
  private static final String POM =
      """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <artifactId>enf</artifactId>
        <dependencies>
          <dependency><groupId>x</groupId><artifactId>y</artifactId><version>1</version></dependency>
        </dependencies>
      </project>
      """;

  @TempDir Path repo;
  private final DependencyConvergenceRecipe recipe = new DependencyConvergenceRecipe();

  private Optional<Fix> fix(String pom) throws Exception {
    Projects.write(repo, "pom.xml", pom);
    Failure f =
        Failure.of(
            FailureKind.DEPENDENCY_ERROR,
            "pom.xml",
            null,
            null,
            "Dependency convergence error for com.fasterxml.jackson.core:jackson-core: versions"
                + " 2.23.0, 2.21.3, 2.22.0",
            null,
            null,
            FailureDetails.tool("maven")
                .withRule("dependencyConvergence")
                .withSymbol(
                    "com.fasterxml.jackson.core:jackson-core 2.23.0, 2.21.3, 2.22.0", null));
    return recipe.fix(f, new FixContext(repo, new JdkTypes(null)));
  }

  @Test
  void theHighestVersionIsPinnedInANewDependencyManagement() throws Exception {
    Fix f = fix(POM).orElseThrow();
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve("pom.xml")))
        .isEqualTo(
            POM.replace(
                "  <dependencies>\n",
                """
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>com.fasterxml.jackson.core</groupId>
                        <artifactId>jackson-core</artifactId>
                        <version>2.23.0</version>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                """));
    assertThat(fix(Files.readString(repo.resolve("pom.xml")))).isEmpty(); // twice: no change
  }

  @Test
  void anExistingDependencyManagementGainsAnEntry() throws Exception {
    String pom =
        POM.replace(
            "  <dependencies>\n",
            "  <dependencyManagement>\n    <dependencies>\n    </dependencies>\n"
                + "  </dependencyManagement>\n  <dependencies>\n");
    Fix f = fix(pom.replace("\n", "\r\n")).orElseThrow();
    EditWriter.apply(repo, f.edits());
    String after = Files.readString(repo.resolve("pom.xml"));
    assertThat(after)
        .contains(
            "    <dependencies>\r\n      <dependency>\r\n        <groupId>com.fasterxml.jackson.core"
                + "</groupId>\r\n");
    assertThat(after.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void aDirectDeclarationOfAnotherVersionLeavesItsVersionToTheManagement() throws Exception {
    String pom =
        POM.replace(
            "    <dependency><groupId>x</groupId>",
            "    <dependency>\n      <groupId>com.fasterxml.jackson.core</groupId>\n"
                + "      <artifactId>jackson-core</artifactId>\n"
                + "      <version>2.21.3</version>\n    </dependency>\n"
                + "    <dependency><groupId>x</groupId>");
    Fix f = fix(pom).orElseThrow();
    EditWriter.apply(repo, f.edits());
    String after = Files.readString(repo.resolve("pom.xml"));
    assertThat(after)
        .doesNotContain("2.21.3")
        .contains(
            "      <artifactId>jackson-core</artifactId>\n    </dependency>\n"
                + "    <dependency><groupId>x</groupId>");
    assertThat(f.diagnosis().reasoning()).contains("direct declaration's own version is dropped");
  }

  @Test
  void versionsCompareAsMavenOrdersThem() {
    assertThat(
            List.of("2.9.1", "2.10.0", "2.10.0-rc1", "2.10").stream()
                .max(DependencyConvergenceRecipe.VERSIONS))
        .contains("2.10.0");
    assertThat(DependencyConvergenceRecipe.VERSIONS.compare("1.0-rc1", "1.0")).isNegative();
    assertThat(DependencyConvergenceRecipe.VERSIONS.compare("1.0.1", "1.0")).isPositive();
  }
}
