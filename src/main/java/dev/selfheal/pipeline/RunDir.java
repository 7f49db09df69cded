package dev.selfheal.pipeline;

import dev.selfheal.redact.Redactor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.List;
import java.util.stream.Stream;

/**
 * One run's folder under the state directory ({@code runs/<id>/}): each stage's output as redacted
 * JSON, written whole or not at all (temp file, then an atomic move), and the commands' logs,
 * redacted once the run is done with them.
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

  /** Above this a log is redacted line by line (a key block split over lines may then stay). */
  private static final long WHOLE_FILE_LIMIT = 64L * 1024 * 1024;

  /**
   * Redacts the logs the commands of this run wrote here (the build's own output, streamed to disk
   * while it ran), so nothing the run keeps carries a secret. Called once the run no longer reads
   * them.
   */
  public void redactLogs() throws IOException {
    List<Path> logs;
    try (Stream<Path> files = Files.list(dir)) {
      logs = files.filter(p -> p.toString().endsWith(".log") && Files.isRegularFile(p)).toList();
    }
    for (Path log : logs) {
      if (Files.size(log) <= WHOLE_FILE_LIMIT) {
        // Decoding replaces malformed bytes rather than failing on them.
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        String clean = redactor.redact(text);
        if (!clean.equals(text)) {
          writeAtomically(log, clean);
        }
        continue;
      }
      Path tmp = Files.createTempFile(dir, "." + log.getFileName(), ".tmp");
      try (BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8));
          BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          out.write(redactor.redact(line));
          out.write('\n');
        }
      }
      Files.move(tmp, log, StandardCopyOption.REPLACE_EXISTING);
    }
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
