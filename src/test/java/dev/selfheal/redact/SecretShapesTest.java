package dev.selfheal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secret shapes as they turn up in source, logs and failure messages: each one, planted in a line
 * of ordinary text, is gone after redaction and comes back with restore. And ordinary text — this
 * project's own sources and recorded build logs — keeps its meaning.
 */
class SecretShapesTest {
  /** {a line with the secret in place, the secret}. */
  static Stream<String[]> shapes() {
    return SecretShapes.ALL.stream().map(s -> new String[] {s.line(), s.secret()});
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("shapes")
  void eachShapeIsRedacted(String line, String secret) {
    Redactor r = new Redactor(Map.of());
    String text = "before\n" + line + "\nafter";
    String out = r.redact(text);
    assertThat(out).doesNotContain(secret);
    assertThat(out.lines().count()).isEqualTo(text.lines().count());
    assertThat(r.restore(out)).isEqualTo(text);
  }

  @Test
  void aTruncatedKeyBlockIsRedactedToItsEnd() {
    Redactor r = new Redactor(Map.of());
    String text =
        "log\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDd3OLyvGDKkE3q";
    assertThat(r.redact(text)).doesNotContain("b3BlbnNzaC1rZXkt").doesNotContain("QyNTUxOQ");
  }

  @Test
  void sourcesAndBuildLogsAreNotMistakenForSecrets() throws IOException {
    Redactor r = new Redactor(Map.of());
    List<Path> files;
    try (Stream<Path> s =
        Stream.concat(
            Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/test/resources")))) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(java|log|txt|xml)$"))
              .toList();
    }
    StringBuilder changed = new StringBuilder();
    for (Path f : files) {
      for (String line : Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1)) {
        String out = r.redact(line);
        if (!out.equals(line) && !line.contains("REDACTED") && !SecretShapes.planted(line)) {
          changed.append(f).append(": ").append(line.strip()).append('\n');
        }
      }
    }
    assertThat(changed.toString()).isEmpty();
  }
}
