package dev.selfheal.pipeline;

import dev.selfheal.redact.Redactor;
import dev.selfheal.redact.StreamRedaction;
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
import java.util.List;
import java.util.stream.Stream;

/**
 * One run's folder under the state directory ({@code runs/<id>/}): each stage's output as redacted
 * JSON, written whole or not at all (temp file, then an atomic move), and the commands' logs and
 * downloaded CI logs, redacted once the run is done with them — or, when the run is stopped by a
 * signal (a CI cancellation), by a shutdown hook; and a run killed outright ({@code kill -9}) is
 * redacted by the next run that starts. A {@code .redacted} marker says a run is clean.
 */
public final class RunDir {
  private static final DateTimeFormatter ID =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final String OWNER = ".owner";
  private static final String CLEAN = ".redacted";
  private final Path dir;
  private final Redactor redactor;
  private final Thread onSignal;

  private RunDir(Path dir, Redactor redactor) {
    this.dir = dir;
    this.redactor = redactor;
    this.onSignal =
        new Thread(
            () -> {
              try {
                redactLogs();
              } catch (IOException | RuntimeException ignored) {
                // the JVM is stopping; the next run redacts what is left
              }
            },
            "selfheal-redact-run");
  }

  public static RunDir create(Path stateDir, Clock clock, Redactor redactor) throws IOException {
    byte[] rnd = new byte[3];
    new SecureRandom().nextBytes(rnd);
    String id = ID.format(clock.instant()) + "-" + HexFormat.of().formatHex(rnd);
    Path runs = stateDir.resolve("runs");
    Path dir = runs.resolve(id);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
    RunDir run = new RunDir(dir, redactor);
    Runtime.getRuntime().addShutdownHook(run.onSignal);
    redactLeftovers(runs, dir, redactor);
    return run;
  }

  /** Runs whose process died before they were redacted (killed outright): redacted now. */
  private static void redactLeftovers(Path runs, Path self, Redactor redactor) {
    try (Stream<Path> dirs = Files.list(runs)) {
      for (Path d : dirs.toList()) {
        if (d.equals(self) || Files.exists(d.resolve(CLEAN)) || !Files.exists(d.resolve(OWNER))) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(Files.readString(d.resolve(OWNER)).strip());
        } catch (IOException | NumberFormatException e) {
          pid = -1;
        }
        if (pid < 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          new RunDir(d, redactor).redactFiles();
        }
      }
    } catch (IOException | RuntimeException e) {
      // best effort: this run goes on; the next start tries again
    }
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

  /**
   * Redacts the logs the commands of this run wrote here (the build's own output, streamed to disk
   * while it ran) and CI logs downloaded here, so nothing the run keeps carries a secret. Called
   * once the run no longer reads them.
   */
  public void redactLogs() throws IOException {
    try {
      Runtime.getRuntime().removeShutdownHook(onSignal);
    } catch (IllegalStateException | IllegalArgumentException shuttingDownOrGone) {
      // the hook is running (this call is it) or was removed
    }
    redactFiles();
  }

  private synchronized void redactFiles() throws IOException {
    if (Files.exists(dir.resolve(CLEAN))) {
      return;
    }
    List<Path> logs;
    try (Stream<Path> files = Files.list(dir)) {
      logs =
          files
              .filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".txt"))
              .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .toList();
    }
    for (Path log : logs) {
      Path tmp = Files.createTempFile(dir, "." + log.getFileName(), ".tmp");
      try {
        boolean changed;
        try (var in = Files.newInputStream(log);
            var out = Files.newOutputStream(tmp)) {
          changed = StreamRedaction.copy(in, out, redactor);
        }
        if (changed) {
          Files.move(tmp, log, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    Files.writeString(dir.resolve(CLEAN), "");
  }

  /**
   * Writes a file whole or not at all (a temp file, then a rename). A target that is not a regular
   * file — a FIFO, {@code /dev/stdout}, a terminal — is written straight to: renaming over it would
   * replace the device or the link itself.
   */
  public static void writeAtomically(Path target, String text) throws IOException {
    if (Files.isSymbolicLink(target)
        || (Files.exists(target)
            && !Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
      try (var out =
          Files.newOutputStream(
              target,
              java.nio.file.StandardOpenOption.WRITE,
              java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return;
    }
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
