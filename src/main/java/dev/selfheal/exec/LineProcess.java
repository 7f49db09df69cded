package dev.selfheal.exec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived helper process spoken to a line at a time (the warm test worker): requests on its
 * stdin, answers read from its stdout with a deadline each, its stderr kept in a file. Started in
 * the same scrubbed environment as every command, marked with the same cookie, and killed — its
 * whole tree and anything it left running — when closed, when a deadline passes, or at shutdown.
 */
public final class LineProcess implements AutoCloseable {
  private static final String EOF = "\u0000eof";
  private final Process process;
  private final String cookie;
  private final BufferedWriter in;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private LineProcess(Process process, String cookie) {
    this.process = process;
    this.cookie = cookie;
    this.in =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                  lines.add(l);
                }
              } catch (IOException closed) {
                // the process ended
              }
              lines.add(EOF);
            },
            "selfheal-line-process");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code argv} in {@code dir}; stderr goes to {@code errors}. */
  public static LineProcess start(List<String> argv, Path dir, Map<String, String> env, Path errors)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(CleanEnvironment.scrub(env));
    String cookie = UUID.randomUUID().toString();
    pb.environment().put(CommandRunner.COOKIE, cookie);
    pb.redirectError(errors.toFile());
    Process p = pb.start();
    CommandRunner.track(p);
    return new LineProcess(p, cookie);
  }

  public void send(String line) throws IOException {
    in.write(line);
    in.write('\n');
    in.flush();
  }

  /** The next line, or empty when the deadline passed or the process ended (see {@link #alive}). */
  public Optional<String> next(Duration within) throws InterruptedException {
    String l = lines.poll(Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
    if (l == null || l.equals(EOF)) {
      if (l != null) {
        lines.add(EOF); // every later read sees the end too
      }
      return Optional.empty();
    }
    return Optional.of(l);
  }

  public boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    CommandRunner.killTree(process);
    CommandRunner.untrack(process);
    Leftovers.kill(cookie);
  }
}
