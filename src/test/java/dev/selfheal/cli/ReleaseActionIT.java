package dev.selfheal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as a user meets it: a v* tag's build steps make the versioned jar and its checksum;
 * the Action's own shell steps, pointed at a loopback stand-in for the release URL, install that
 * jar (checked against the checksum, refused when it does not match), and run it with arguments
 * that hold quoted spaces.
 */
class ReleaseActionIT {
  @TempDir Path tmp;

  private static Process run(Path dir, Map<String, String> env, String... cmd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    return pb.start();
  }

  private static String output(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

  @Test
  void aTaggedBuildIsInstalledByTheActionCheckedAndRunWithQuotedArguments() throws Exception {
    // A fresh clone at a tag: the release build's steps, as the release workflow runs them.
    Path clone = tmp.resolve("clone");
    Files.createDirectories(clone);
    Files.copy(Path.of("pom.xml"), clone.resolve("pom.xml"));
    Projects.copyTree(Path.of("src/main"), clone.resolve("src/main"));
    Projects.copyTree(Path.of("examples"), clone.resolve("examples"));
    Projects.copyTree(Path.of(".github/release"), clone.resolve(".github/release"));
    GitRepos.commitAll(clone, "release 0.2.0");
    GitRepos.git(clone, "tag", "v0.2.0");
    Map<String, String> build = new HashMap<>();
    build.put("SELFHEAL_RELEASE_SKIP_TESTS", "1");
    // Not offline: the outer build has not reached the package phase yet, so on a fresh machine
    // the release build's package-phase plugins (shade, antrun) are not in the local repository.
    build.put("SELFHEAL_RELEASE_MAVEN_ARGS", "-q");
    Process b = run(clone, build, "bash", ".github/release/build.sh", "v0.2.0");
    String built = output(b);
    assertThat(b.exitValue()).as(built).isZero();
    Path jar = clone.resolve("target/selfheal-0.2.0.jar");
    Path sum = clone.resolve("target/selfheal-0.2.0.jar.sha256");
    assertThat(jar).isRegularFile();
    assertThat(Files.readString(sum)).matches("[0-9a-f]{64}  selfheal-0\\.2\\.0\\.jar\\s*");
    Process notAtTag = run(clone, build, "bash", ".github/release/build.sh", "v9.9.9");
    assertThat(output(notAtTag)).contains("not the commit checked out");

    // The release, served on loopback as GitHub serves release assets.
    Map<String, byte[]> assets = new HashMap<>();
    assets.put("/v0.2.0/selfheal-0.2.0.jar", Files.readAllBytes(jar));
    assets.put("/v0.2.0/selfheal-0.2.0.jar.sha256", Files.readAllBytes(sum));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        x -> {
          byte[] body = assets.get(x.getRequestURI().getPath());
          x.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            x.getResponseBody().write(body);
          }
          x.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      // The Action's install step, from a repository with no pom.xml at all.
      Path project = tmp.resolve("python-project");
      Files.createDirectories(project);
      Path outputs = tmp.resolve("github-output");
      Map<String, String> env = new HashMap<>();
      env.put("ACTION_PATH", Path.of("").toAbsolutePath().toString());
      env.put("ACTION_REF", "v0.2.0");
      env.put("RELEASE_URL", url);
      env.put("RUNNER_TEMP", tmp.resolve("runner").toString());
      env.put("GITHUB_OUTPUT", outputs.toString());
      Process install =
          run(project, env, "bash", Path.of("action/install.sh").toAbsolutePath().toString());
      String said = output(install);
      assertThat(install.exitValue()).as(said).isZero();
      assertThat(said).contains("SHA-256 verified");
      Map<String, String> out = new HashMap<>();
      for (String line : Files.readAllLines(outputs)) {
        out.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
      assertThat(out.get("version")).isEqualTo("0.2.0");
      assertThat(Path.of(out.get("jar"))).hasSameBinaryContentAs(jar);
      assertThat(out.get("java")).isNotBlank();

      // A jar that does not match its checksum is not run.
      assets.put(
          "/v0.2.0/selfheal-0.2.0.jar.sha256",
          ("0".repeat(64) + "  selfheal-0.2.0.jar\n").getBytes());
      env.put("RUNNER_TEMP", tmp.resolve("runner2").toString());
      Process bad =
          run(project, env, "bash", Path.of("action/install.sh").toAbsolutePath().toString());
      String refused = output(bad);
      assertThat(bad.exitValue()).isNotZero();
      assertThat(refused).contains("does not match its published SHA-256");

      // The Action's run step: the args input split like a shell's words, never evaluated.
      Path shop = tmp.resolve("shop");
      Projects.copy("demo-shop", shop);
      GitRepos.commitAll(shop, "feat: cart");
      Path report = tmp.resolve("report.json");
      Path marker = tmp.resolve("injected");
      Map<String, String> runEnv = new HashMap<>();
      runEnv.put("SELFHEAL_JAVA", out.get("java"));
      runEnv.put("SELFHEAL_JAR", out.get("jar"));
      runEnv.put("XDG_STATE_HOME", tmp.resolve("state").toString());
      runEnv.put(
          "SELFHEAL_ARGS",
          "heal --repo "
              + shop
              + " --no-llm --report "
              + report
              + " --command \"mvn -B -o verify -Dsurefire.printSummary=true\" $(touch "
              + marker
              + ")");
      List<String> cmd =
          new ArrayList<>(List.of("bash", Path.of("action/run.sh").toAbsolutePath().toString()));
      Process heal = run(shop, runEnv, cmd.toArray(String[]::new));
      String healed = output(heal);
      assertThat(marker).as("nothing in the args is evaluated").doesNotExist();
      // `$(touch …)` arrives as two literal words: picocli refuses them, which shows they were
      // passed as text. Without them the heal runs with the quoted command as one argument.
      assertThat(heal.exitValue()).as(healed).isEqualTo(2);
      runEnv.put(
          "SELFHEAL_ARGS",
          "heal --repo '"
              + shop
              + "' --no-llm --report "
              + report
              + " --command \"mvn -B -o verify -Dsurefire.printSummary=true\"");
      Process heal2 = run(shop, runEnv, cmd.toArray(String[]::new));
      String healed2 = output(heal2);
      assertThat(heal2.exitValue()).as(healed2).isZero();
      var r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
      assertThat(r.path("command").asText())
          .isEqualTo("mvn -B -o verify -Dsurefire.printSummary=true");
      assertThat(r.path("status").asText()).isEqualTo("healed");
      assertThat(r.path("selfheal_version").asText()).isEqualTo("0.2.0");
    } finally {
      server.stop(0);
    }
  }
}
