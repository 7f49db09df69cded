package dev.selfheal.pipeline;

import dev.selfheal.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One run's folder under the state directory ({@code runs/<id>/}): each stage's output as redacted
 * JSON, written whole or not at all (temp file, then an atomic move).
 */
public final class RunDir {
  private static final DateTimeFormatter ID =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private final Path dir;
  private final Redactor redactor;

  private RunDir(Path dir, Redactor redactor) {
    this.dir = dir;
    this.redactor = redactor;
  }

  public static RunDir create(Path stateDir, Clock clock, Redactor redactor) throws IOException {
    byte[] rnd = new byte[3];
    new SecureRandom().nextBytes(rnd);
    String id = ID.format(clock.instant()) + "-" + HexFormat.of().formatHex(rnd);
    Path dir = stateDir.resolve("runs").resolve(id);
    Files.createDirectories(dir);
    return new RunDir(dir, redactor);
  }

  public Path path() {
    return dir;
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  /** Writes a stage's output as redacted JSON. */
  public void writeJson(String name, Object value) throws IOException {
    String json = Json.mapper().writeValueAsString(value);
    writeAtomically(dir.resolve(name), redactor.redact(json) + "\n");
  }

  public static void writeAtomically(Path target, String text) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
