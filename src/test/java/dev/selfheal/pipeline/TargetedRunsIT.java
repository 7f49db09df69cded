package dev.selfheal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Status;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import dev.selfheal.testing.TestEnv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose build passes only with the switches its team's command carries (here an enforcer
 * rule that wants a newer Maven, skipped with {@code -Denforcer.skip}): the targeted and flaky-gate
 * re-runs keep the user's command, and change only the phase and the test selection.
 */
class TargetedRunsIT {
  @TempDir Path repo;
  @TempDir Path state;

  private static final String POM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.acme</groupId>
        <artifactId>greeter</artifactId>
        <version>1.0</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
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
              <version>3.6.1</version>
              <executions>
                <execution>
                  <id>newer-maven</id>
                  <goals><goal>enforce</goal></goals>
                  <configuration>
                    <rules><requireMavenVersion><version>[99.0,)</version></requireMavenVersion></rules>
                  </configuration>
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

  private static final String GREETER = "src/main/java/com/acme/Greeter.java";

  private void project(String config) {
    Projects.write(repo, "pom.xml", POM);
    Projects.write(repo, ".selfheal.yml", config);
    Projects.write(
        repo,
        "src/test/java/com/acme/GreeterTest.java",
        """
        package com.acme;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import org.junit.jupiter.api.Test;

        class GreeterTest {
          @Test
          void greets() {
            assertEquals("Hello, Ada!", new Greeter().greet("Ada"));
          }
        }
        """);
    Projects.write(repo, GREETER, greeter("Hello"));
    GitRepos.commitAll(repo, "init");
    Projects.write(repo, GREETER, greeter("Hi"));
    GitRepos.commitAll(repo, "feat: greet with Hi (the greeting changed on purpose)");
  }

  private static String greeter(String word) {
    return "package com.acme;\n\npublic final class Greeter {\n  public String greet(String name) {\n"
        + "    return \""
        + word
        + ", \" + name + \"!\";\n  }\n}\n";
  }

  private HealReport heal() throws Exception {
    return new HealPipeline(TestEnv.with(state))
        .heal(
            new HealRequest(repo, null, null, HealReport.DeliveryMode.DRY_RUN, null, null, true),
            Progress.silent())
        .report();
  }

  @Test
  void theTargetedRunKeepsTheUsersSwitches() throws Exception {
    project("command: mvn -B verify -Denforcer.skip\n");
    HealReport r = heal();
    assertThat(r.status()).as(r.reason() + " " + r.notices()).isEqualTo(Status.HEALED);
    assertThat(r.validation().targeted().command())
        .contains("-Denforcer.skip")
        .contains("test -Dtest=com.acme.GreeterTest#greets")
        .doesNotContain("verify");
    assertThat(r.validation().targeted().executed()).isEqualTo(1);
    assertThat(r.patch().diff()).contains("+    assertEquals(\"Hi, Ada!\"");
  }

  @Test
  void anExpectationSpeltAsAConstantIsFollowedOnARealBuild() throws Exception {
    project("command: mvn -B verify -Denforcer.skip\n");
    Projects.write(
        repo,
        "src/test/java/com/acme/GreeterTest.java",
        """
        package com.acme;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import org.junit.jupiter.api.Test;

        class GreeterTest {
          private static final String ADA = "Hello, Ada!";

          @Test
          void greets() {
            assertEquals(ADA, new Greeter().greet("Ada"));
          }
        }
        """);
    Projects.write(repo, GREETER, greeter("Hello"));
    GitRepos.commitAll(repo, "test: a constant");
    Projects.write(repo, GREETER, greeter("Hi"));
    GitRepos.commitAll(repo, "feat: greet with Hi");
    HealReport r = heal();
    assertThat(r.status()).as(r.reason() + " " + r.notices()).isEqualTo(Status.HEALED);
    assertThat(r.patch().diff()).contains("+  private static final String ADA = \"Hi, Ada!\";");
  }

  @Test
  void aFlakyGateRunThatExecutedNothingIsSaidAsSuch() throws Exception {
    project("command: mvn -B verify -Denforcer.skip\ntargeted_command: \"echo {tests}\"\n");
    HealReport r = heal();
    assertThat(r.notices())
        .anyMatch(n -> n.contains("could not re-run them") && n.contains("executed none"));
    assertThat(r.validation().flakyTests()).isEmpty();
  }
}
