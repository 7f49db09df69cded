package dev.selfheal.exec;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One warm Maven JVM ({@link WarmMavenServer}) and the loopback connection it answers on: it
 * connects back with a token only its own stdin carried, so no other local process can pose as it.
 */
final class WarmMavenJvm {
  private static final Duration START_LIMIT = Duration.ofSeconds(60);
  private static final List<String> SERVER_CLASSES =
      List.of("WarmMavenServer.class", "WarmMavenServer$Capped.class");

  /** What a JVM fixes at its start, so only builds that agree on all of it may share one. */
  record Key(
      String java, List<String> jvmOptions, List<String> logLevel, Map<String, String> env) {}

  /** One build: the working and project base directories and Maven's arguments. */
  record Request(Key key, Path workDir, Path baseDir, List<String> args) {}

  record Outcome(CommandResult result, boolean jvmEnded) {}

  private final Key key;
  private final Process process;
  private final Socket socket;
  private int builds;

  private WarmMavenJvm(Key key, Process process, Socket socket) {
    this.key = key;
    this.process = process;
    this.socket = socket;
  }

  Key key() {
    return key;
  }

  int builds() {
    return builds;
  }

  /** Copies the server's classes out of selfheal's jar, so its JVM loads nothing else of ours. */
  static void installServerClasses(Path classes) throws IOException {
    Path pkg = Files.createDirectories(classes.resolve("dev/selfheal/exec"));
    for (String name : SERVER_CLASSES) {
      try (InputStream in = WarmMavenJvm.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("selfheal's jar lacks " + name);
        }
        Files.write(pkg.resolve(name), in.readAllBytes());
      }
    }
  }

  /** Starts a JVM for the key; empty (its log says why) when it does not connect in time. */
  static Optional<WarmMavenJvm> start(MavenHome home, Key key, Path dir, int n) {
    Path log = dir.resolve("jvm-" + n + ".log");
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    try (ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<String> argv = new ArrayList<>();
      argv.add(key.java());
      argv.addAll(key.jvmOptions());
      argv.add("-classpath");
      argv.add(home.classworlds() + java.io.File.pathSeparator + dir.resolve("classes"));
      argv.add("-Dclassworlds.conf=" + home.dir().resolve("bin/m2.conf"));
      argv.add("-Dmaven.home=" + home.dir());
      argv.add("-Dlibrary.jansi.path=" + home.dir().resolve("lib/jansi-native"));
      argv.add(WarmMavenServer.class.getName());
      argv.add(Integer.toString(listen.getLocalPort()));
      ProcessBuilder pb = new ProcessBuilder(argv);
      pb.directory(dir.toFile());
      pb.environment().clear();
      pb.environment().putAll(key.env());
      pb.redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      CommandRunner.track(p);
      try (OutputStream stdin = p.getOutputStream()) {
        stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
      }
      Socket s = accept(listen, p);
      s.setTcpNoDelay(true);
      byte[] expected = token.getBytes(StandardCharsets.UTF_8);
      byte[] got = new byte[2 + expected.length];
      s.setSoTimeout(10_000);
      new java.io.DataInputStream(s.getInputStream()).readFully(got);
      if (got[0] != 0
          || got[1] != expected.length
          || !java.util.Arrays.equals(got, 2, got.length, expected, 0, expected.length)) {
        s.close();
        CommandRunner.killTree(p);
        CommandRunner.untrack(p);
        return Optional.empty();
      }
      return Optional.of(new WarmMavenJvm(key, p, s));
    } catch (IOException e) {
      try {
        Files.writeString(
            log,
            "selfheal: the warm Maven JVM did not start: " + e + "\n",
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException ignored) {
        // the log is only for a person looking into a fallback
      }
      return Optional.empty();
    }
  }

  /** The JVM's connection, or an exception as soon as it is clear none will come. */
  private static Socket accept(ServerSocket listen, Process p) throws IOException {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    listen.setSoTimeout(250);
    while (true) {
      try {
        return listen.accept();
      } catch (SocketTimeoutException notYet) {
        if (!p.isAlive()) {
          CommandRunner.untrack(p);
          throw new IOException("it exited with " + p.exitValue() + " before connecting");
        }
        if (System.nanoTime() > deadline) {
          CommandRunner.killTree(p);
          CommandRunner.untrack(p);
          throw new IOException("it did not connect within " + START_LIMIT.toSeconds() + " s");
        }
      }
    }
  }

  /** Runs one build to its end or its time limit (then the JVM is killed with its children). */
  Outcome build(Request r, CommandSpec spec, Clock clock) throws IOException {
    builds++;
    Instant startedAt = clock.instant();
    long t0 = System.nanoTime();
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeUTF(r.workDir().toString());
    out.writeUTF(r.baseDir().toString());
    out.writeInt(r.args().size());
    for (String a : r.args()) {
      out.writeUTF(a);
    }
    out.writeUTF(spec.output().toAbsolutePath().toString());
    out.writeLong(spec.maxOutputBytes());
    out.flush();
    long deadline = t0 + spec.timeout().toNanos();
    byte[] answer = new byte[12];
    int got = 0;
    InputStream in = socket.getInputStream();
    while (got < answer.length) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        stop();
        return new Outcome(result(spec, -1, true, startedAt, t0, spec.output()), true);
      }
      if (Thread.currentThread().isInterrupted()) {
        stop();
        throw new IOException("interrupted while running: " + spec.command());
      }
      socket.setSoTimeout((int) Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 500)));
      int n;
      try {
        n = in.read(answer, got, answer.length - got);
      } catch (SocketTimeoutException stillBuilding) {
        continue;
      } catch (IOException ended) {
        n = -1;
      }
      if (n < 0) {
        return new Outcome(result(spec, ended(), false, startedAt, t0, spec.output()), true);
      }
      got += n;
    }
    ByteBuffer b = ByteBuffer.wrap(answer);
    int exit = b.getInt();
    long bytes = b.getLong();
    return new Outcome(
        new CommandResult(
            spec.command(),
            exit,
            false,
            startedAt,
            Duration.ofNanos(System.nanoTime() - t0),
            spec.output(),
            bytes,
            bytes > spec.maxOutputBytes()),
        false);
  }

  private static CommandResult result(
      CommandSpec spec, int exit, boolean timedOut, Instant startedAt, long t0, Path output) {
    long bytes;
    try {
      bytes = Files.exists(output) ? Files.size(output) : 0;
    } catch (IOException e) {
      bytes = 0;
    }
    return new CommandResult(
        spec.command(),
        exit,
        timedOut,
        startedAt,
        Duration.ofNanos(System.nanoTime() - t0),
        output,
        bytes,
        false);
  }

  /** The exit status of a JVM that ended mid-build (a plugin's {@code System.exit}, a crash). */
  private int ended() {
    try {
      if (process.waitFor(10, TimeUnit.SECONDS)) {
        CommandRunner.untrack(process);
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
    return -1;
  }

  /** Ends the JVM and anything it started. */
  void stop() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all that is left to do with it
    }
    if (process.isAlive()) {
      CommandRunner.killTree(process);
    }
    CommandRunner.untrack(process);
  }
}
