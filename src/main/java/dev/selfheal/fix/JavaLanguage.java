package dev.selfheal.fix;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java language level a project compiles at, so its sources parse as its compiler reads them:
 * records, sealed types and switch expressions need 14–17, and {@code record} or {@code yield} as
 * identifiers need less. Read from the build files ({@code maven.compiler.release/source}, the
 * compiler plugin's {@code <release>}, Gradle's {@code JavaVersion} or toolchain); the highest
 * level any module declares wins. Nothing declared: the running JDK's, which is javac's own
 * default.
 */
public final class JavaLanguage {
  private static final Pattern MAVEN =
      Pattern.compile(
          "<(?:maven\\.compiler\\.(?:release|source)|release|source)>\\s*(?:1\\.)?(\\d{1,2})\\s*<");
  private static final Pattern GRADLE =
      Pattern.compile(
          "(?:JavaVersion\\.VERSION_(?:1_)?|languageVersion\\.set\\(JavaLanguageVersion\\.of\\()(\\d{1,2})");

  private JavaLanguage() {}

  /** The release the project's build files declare; the running JDK's when they declare none. */
  public static int release(Path repo) {
    int found = 0;
    try (Stream<Path> files = Files.walk(repo, 4)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        boolean maven = name.equals("pom.xml");
        if ((maven || name.startsWith("build.gradle")) && !p.toString().contains("/target/")) {
          Matcher m = (maven ? MAVEN : GRADLE).matcher(Files.readString(p, StandardCharsets.UTF_8));
          while (m.find()) {
            found = Math.max(found, Integer.parseInt(m.group(1)));
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return Runtime.version().feature(); // unreadable build files: parse like javac would
    }
    return found == 0 ? Runtime.version().feature() : found;
  }

  /** JavaParser's level for a release, clamped to the levels this JavaParser knows. */
  public static LanguageLevel level(int release) {
    if (release <= 8) {
      return LanguageLevel.JAVA_8;
    }
    for (int r = release; r > 8; r--) {
      try {
        return LanguageLevel.valueOf("JAVA_" + r);
      } catch (IllegalArgumentException newerThanThisParser) {
        // try the next lower one
      }
    }
    return LanguageLevel.JAVA_17;
  }

  public static JavaParser parser(int release) {
    return new JavaParser(new ParserConfiguration().setLanguageLevel(level(release)));
  }
}
