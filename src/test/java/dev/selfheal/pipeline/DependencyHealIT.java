package dev.selfheal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.fix.RecipeRunner;
import dev.selfheal.fix.recipes.Recipes;
import dev.selfheal.model.Status;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import dev.selfheal.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dependency recipes on real Maven builds, through the whole heal. */
class DependencyHealIT {
  @TempDir Path repo;
  @TempDir Path state;

  private HealPipeline.Result heal(String command) throws Exception {
    return new HealPipeline(TestEnv.with(state), new RecipeRunner(Recipes.all()))
        .heal(
            new HealRequest(repo, command, null, HealReport.DeliveryMode.APPLY, null, null, true),
            Progress.silent());
  }

  @Test
  void aModuleThatLostItsDependencyOnASiblingGetsItBack() throws Exception {
    Projects.copy("multi-module", repo);
    GitRepos.commitAll(repo, "good");
    String pom = Files.readString(repo.resolve("app/pom.xml"));
    String broken =
        pom.replaceAll(
            "\\s*<dependency><groupId>com.example</groupId><artifactId>core</artifactId>.*?</dependency>",
            "");
    assertThat(broken).isNotEqualTo(pom);
    Projects.write(repo, "app/pom.xml", broken);
    GitRepos.commitAll(repo, "chore: tidy app dependencies");

    HealPipeline.Result r = heal("mvn -B verify");

    assertThat(r.report().status()).isEqualTo(Status.HEALED);
    assertThat(r.patch().files()).containsExactly("app/pom.xml");
    assertThat(Files.readString(repo.resolve("app/pom.xml")))
        .contains("<artifactId>core</artifactId>")
        .contains("<version>${project.version}</version>");
    assertThat(r.report().validation().full().testsRun()).isEqualTo(3);
  }

  @Test
  void conflictingVersionsArePinnedUntilTheEnforcerIsSatisfied() throws Exception {
    Projects.write(repo, "pom.xml", ENFORCED);
    Projects.write(
        repo,
        "src/test/java/com/acme/enf/JsonTest.java",
        """
        package com.acme.enf;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import com.fasterxml.jackson.databind.ObjectMapper;
        import org.junit.jupiter.api.Test;

        class JsonTest {
          @Test
          void reads() throws Exception {
            assertEquals(3, new ObjectMapper().readTree("{\\"a\\":3}").get("a").asInt());
          }
        }
        """);
    GitRepos.commitAll(repo, "feat: read json");

    HealPipeline.Result r = heal("mvn -B verify");

    assertThat(r.report().status()).isEqualTo(Status.HEALED);
    assertThat(r.patch().files()).containsExactly("pom.xml");
    String pom = Files.readString(repo.resolve("pom.xml"));
    assertThat(pom).contains("<dependencyManagement>").doesNotContain("2.21.3");
    assertThat(r.report().validation().full().testsRun()).isEqualTo(1);
  }

  private static final String ENFORCED =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.acme</groupId>
        <artifactId>enf</artifactId>
        <version>1.0</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
          <dependency>
            <groupId>com.fasterxml.jackson.core</groupId>
            <artifactId>jackson-databind</artifactId>
            <version>2.23.0</version>
          </dependency>
          <dependency>
            <groupId>com.fasterxml.jackson.core</groupId>
            <artifactId>jackson-core</artifactId>
            <version>2.21.3</version>
          </dependency>
          <dependency>
            <groupId>com.fasterxml.jackson.dataformat</groupId>
            <artifactId>jackson-dataformat-yaml</artifactId>
            <version>2.22.0</version>
          </dependency>
          <dependency>
            <groupId>org.junit.jupiter</groupId>
            <artifactId>junit-jupiter</artifactId>
            <version>5.14.4</version>
            <scope>test</scope>
          </dependency>
        </dependencies>
        <build>
          <plugins>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-enforcer-plugin</artifactId>
              <version>3.6.2</version>
              <executions>
                <execution>
                  <id>enforce</id>
                  <goals><goal>enforce</goal></goals>
                  <configuration><rules><dependencyConvergence/></rules></configuration>
                </execution>
              </executions>
            </plugin>
            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version></plugin>
            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
          </plugins>
        </build>
      </project>
      """;
}
