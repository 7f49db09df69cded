package dev.selfheal.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyIndexTest {
  @TempDir Path repo;
  @TempDir Path cache;

  private static Path jarOf(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void resolvesOncePerStateOfTheBuildFilesAndFindsMemberTypes() throws Exception {
    Projects.write(repo, "pom.xml", "<project/>\n");
    Projects.write(repo, "app/pom.xml", "<project/>\n");
    Path picocli = jarOf(picocli.CommandLine.class);
    AtomicInteger resolutions = new AtomicInteger();
    DependencyIndex.Resolver resolver =
        r -> {
          resolutions.incrementAndGet();
          return Map.of("app", List.of(picocli, repo.resolve("app/target/classes")));
        };
    DependencyIndex first = new DependencyIndex(repo, cache, resolver);
    String file = "app/src/main/java/A.java";
    assertThat(first.named("Command", file)).containsExactly("picocli.CommandLine.Command");
    assertThat(first.load("picocli.CommandLine.Command", file)).isPresent();
    assertThat(first.named("Command", "src/main/java/B.java")).as("another module").isEmpty();
    assertThat(first.classpathOf(file))
        .as("only jars outside the repository")
        .containsExactly(picocli);

    DependencyIndex again = new DependencyIndex(repo, cache, resolver);
    assertThat(again.named("CommandLine", file)).containsExactly("picocli.CommandLine");
    assertThat(resolutions).as("answered from the cache").hasValue(1);

    Projects.write(repo, "app/pom.xml", "<project><!-- changed --></project>\n");
    new DependencyIndex(repo, cache, resolver).classpaths();
    assertThat(resolutions).as("a changed build file resolves again").hasValue(2);
  }

  @Test
  void aJarGoneFromTheLocalRepositoryInvalidatesTheCache() throws Exception {
    Projects.write(repo, "pom.xml", "<project/>\n");
    Path copy = Files.copy(jarOf(picocli.CommandLine.class), cache.resolve("picocli-copy.jar"));
    AtomicInteger resolutions = new AtomicInteger();
    DependencyIndex.Resolver resolver =
        r -> {
          resolutions.incrementAndGet();
          return Map.of("", Files.exists(copy) ? List.of(copy) : List.of());
        };
    new DependencyIndex(repo, cache.resolve("index"), resolver).classpaths();
    Files.delete(copy);
    assertThat(new DependencyIndex(repo, cache.resolve("index"), resolver).classpaths().get(""))
        .isEmpty();
    assertThat(resolutions).hasValue(2);
  }
}
