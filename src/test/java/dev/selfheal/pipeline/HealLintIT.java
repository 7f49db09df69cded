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

/**
 * The lint and format recipes on real Maven builds with Checkstyle and Spotless bound to verify.
 */
class HealLintIT {
  private static final String POM_HEAD =
      """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.acme</groupId><artifactId>lint</artifactId><version>1.0</version>
        <properties><maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
        <build><plugins>
          <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
      """;

  @TempDir Path repo;
  @TempDir Path state;

  private HealPipeline.Result heal() throws Exception {
    return new HealPipeline(TestEnv.with(state), new RecipeRunner(Recipes.all()))
        .heal(
            new HealRequest(
                repo, "mvn -B verify", null, HealReport.DeliveryMode.APPLY, null, null, true),
            Progress.silent());
  }

  @Test
  void checkstyleMechanicalViolations() throws Exception {
    Projects.write(
        repo,
        "pom.xml",
        POM_HEAD
            + """
          <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-checkstyle-plugin</artifactId><version>3.6.0</version>
            <configuration><configLocation>cs.xml</configLocation><consoleOutput>true</consoleOutput>
              <violationSeverity>warning</violationSeverity></configuration>
            <executions><execution><goals><goal>check</goal></goals><phase>verify</phase></execution></executions></plugin>
        </plugins></build>
      </project>
      """);
    Projects.write(
        repo,
        "cs.xml",
        """
        <?xml version="1.0"?>
        <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN" "https://checkstyle.org/dtds/configuration_1_3.dtd">
        <module name="Checker">
          <module name="NewlineAtEndOfFile"/>
          <module name="RegexpSingleline"><property name="format" value="\\s+$"/><property name="message" value="Line has trailing spaces."/></module>
          <module name="TreeWalker"><module name="UnusedImports"/></module>
        </module>
        """);
    Projects.write(
        repo,
        "src/main/java/com/acme/Untidy.java",
        "package com.acme;\n\nimport java.util.List;\nimport java.util.Map;\n\npublic class Untidy {  \n  public Map<String, Integer> m() {\n    return null;\n  }\n}");
    GitRepos.commitAll(repo, "untidy");
    HealPipeline.Result r = heal();
    assertThat(r.report().status()).isEqualTo(Status.HEALED);
    assertThat(Files.readString(repo.resolve("src/main/java/com/acme/Untidy.java")))
        .isEqualTo(
            "package com.acme;\n\nimport java.util.Map;\n\npublic class Untidy {\n  public Map<String, Integer> m() {\n    return null;\n  }\n}\n");
  }

  @Test
  void spotlessFormatsWithTheProjectsOwnConfiguration() throws Exception {
    Projects.write(
        repo,
        "pom.xml",
        POM_HEAD
            + """
          <plugin><groupId>com.diffplug.spotless</groupId><artifactId>spotless-maven-plugin</artifactId><version>3.11.0</version>
            <configuration><java><googleJavaFormat><version>1.28.0</version></googleJavaFormat></java></configuration>
            <executions><execution><goals><goal>check</goal></goals><phase>verify</phase></execution></executions></plugin>
        </plugins></build>
      </project>
      """);
    Projects.write(
        repo,
        "src/main/java/com/acme/Messy.java",
        "package com.acme;\n\npublic class Messy {\n    public int twice(int x){ return x*2; }\n}\n");
    Projects.write(
        repo, "src/main/java/com/acme/Tidy.java", "package com.acme;\n\npublic class Tidy {}\n");
    GitRepos.commitAll(repo, "messy");
    HealPipeline.Result r = heal();
    assertThat(r.report().status()).isEqualTo(Status.HEALED);
    assertThat(r.patch().files()).containsExactly("src/main/java/com/acme/Messy.java");
    assertThat(Files.readString(repo.resolve("src/main/java/com/acme/Messy.java")))
        .isEqualTo(
            "package com.acme;\n\npublic class Messy {\n  public int twice(int x) {\n    return x * 2;\n  }\n}\n");
  }
}
