package dev.selfheal.localize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the warm worker needs besides the project's class path: the JUnit Platform launcher of the
 * same version as the project's engine (surefire fetched it into the local repository when the
 * tests ran, but it is not a project dependency), JaCoCo's agent, and the JVM's version, which
 * decides how a test's {@code System.exit} is refused.
 */
public final class WorkerLibraries {
  private static final Pattern ENGINE = Pattern.compile("junit-platform-engine-(.+)\\.jar");

  private WorkerLibraries() {}

  /**
   * The jars to add so the project's tests can be launched: none for JUnit 4 alone or when the
   * launcher is already there, the matching launcher for the JUnit Platform.
   */
  public static List<Path> launcher(List<Path> libraries) throws TestClasspath.Unavailable {
    Path engine = null;
    boolean junit4 = false;
    for (Path jar : libraries) {
      String name = jar.getFileName().toString();
      if (name.startsWith("junit-platform-launcher-")) {
        return List.of();
      }
      if (ENGINE.matcher(name).matches()) {
        engine = jar;
      }
      junit4 |= name.matches("junit-4[.\\d]+\\.jar");
    }
    if (engine == null) {
      if (junit4) {
        return List.of();
      }
      throw new TestClasspath.Unavailable(
          "neither JUnit 4 nor the JUnit Platform is on the test class path (TestNG, Spock and"
              + " others are not localized)");
    }
    Matcher m = ENGINE.matcher(engine.getFileName().toString());
    m.matches();
    String version = m.group(1);
    // <local repository>/org/junit/platform/junit-platform-engine/<version>/<jar>
    Path platform = engine.getParent().getParent().getParent();
    Path launcher =
        platform.resolve(
            "junit-platform-launcher/" + version + "/junit-platform-launcher-" + version + ".jar");
    if (!Files.isRegularFile(launcher)) {
      throw new TestClasspath.Unavailable(
          "the JUnit Platform launcher "
              + version
              + " is not in the local Maven repository ("
              + launcher
              + "); run the tests once with surefire 2.22+ to fetch it");
    }
    return List.of(launcher);
  }

  /** JaCoCo's agent jar, extracted once into {@code dir}. */
  public static Path jacocoAgent(Path dir) throws IOException {
    Path jar = dir.resolve("jacocoagent.jar");
    if (!Files.isRegularFile(jar)) {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "jacocoagent", ".tmp");
      org.jacoco.agent.AgentJar.extractTo(tmp.toFile());
      Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return jar;
  }

  /**
   * The agent's options: record the project's own classes only (JaCoCo's include patterns, e.g.
   * {@code com.example.*}), write nothing to disk.
   */
  public static String agentOptions(Path agent, List<String> includes) {
    return agent
        + "=output=none,dumponexit=false,jmx=false,inclbootstrapclasses=false,includes="
        + String.join(":", includes.isEmpty() ? List.of("*") : includes);
  }

  /**
   * The feature version of the JVM at {@code javaBin} (its {@code release} file); empty if unknown.
   */
  public static Optional<Integer> version(Path javaBin) {
    try {
      Path home = javaBin.toRealPath().getParent().getParent();
      Path release = home.resolve("release");
      if (!Files.isRegularFile(release) && home.getFileName().toString().equals("jre")) {
        release = home.getParent().resolve("release");
      }
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        Matcher m = Pattern.compile("^JAVA_VERSION=\"(1\\.)?(\\d+)").matcher(line);
        if (m.find()) {
          return Optional.of(Integer.parseInt(m.group(2)));
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown
    }
    return Optional.empty();
  }
}
