package dev.selfheal.exec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The JVM that {@link WarmMaven} starts: the machine's own Maven, loaded once through its own
 * {@code bin/m2.conf} exactly as the {@code mvn} script loads it, then asked to run one build after
 * another through {@code MavenCli}'s embedding entry point. What a build could leave behind in the
 * JVM is put back after it: system properties (Maven copies {@code -D} options into them), the
 * context class loader, standard input. Plugins' class realms are disposed by Maven itself.
 *
 * <p>Depends on nothing but the JDK and plexus-classworlds (reflection), because it runs with
 * nothing else on its class path: Maven's realms must not see selfheal's own libraries.
 */
public final class WarmMavenServer {
  private WarmMavenServer() {}

  /** Reads the token from stdin, connects to the client's loopback port, serves until EOF. */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String token;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      token = in.readLine();
    }
    System.setIn(new ByteArrayInputStream(new byte[0]));
    Object launcher =
        Class.forName("org.codehaus.plexus.classworlds.launcher.Launcher")
            .getConstructor()
            .newInstance();
    try (InputStream conf = Files.newInputStream(Path.of(System.getProperty("classworlds.conf")))) {
      launcher.getClass().getMethod("configure", InputStream.class).invoke(launcher, conf);
    }
    Object world = launcher.getClass().getMethod("getWorld").invoke(launcher);
    Class<?> cli = (Class<?>) launcher.getClass().getMethod("getMainClass").invoke(launcher);
    ClassLoader realm =
        (ClassLoader) launcher.getClass().getMethod("getMainRealm").invoke(launcher);
    Constructor<?> make = cli.getConstructor(world.getClass());
    Method doMain =
        cli.getMethod("doMain", String[].class, String.class, PrintStream.class, PrintStream.class);
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
      out.writeUTF(token);
      out.flush();
      while (true) {
        String workDir;
        try {
          workDir = in.readUTF();
        } catch (EOFException done) {
          return;
        }
        String baseDir = in.readUTF();
        String[] mvnArgs = new String[in.readInt()];
        for (int i = 0; i < mvnArgs.length; i++) {
          mvnArgs[i] = in.readUTF();
        }
        Path log = Path.of(in.readUTF());
        long max = in.readLong();
        long[] total = new long[1];
        int code = build(make, doMain, world, realm, workDir, baseDir, mvnArgs, log, max, total);
        out.writeInt(code);
        out.writeLong(total[0]);
        out.flush();
      }
    }
  }

  private static int build(
      Constructor<?> make,
      Method doMain,
      Object world,
      ClassLoader realm,
      String workDir,
      String baseDir,
      String[] args,
      Path log,
      long max,
      long[] total)
      throws IOException {
    Properties saved = (Properties) System.getProperties().clone();
    InputStream stdin = System.in;
    Thread self = Thread.currentThread();
    ClassLoader context = self.getContextClassLoader();
    try (Capped capped =
            new Capped(new BufferedOutputStream(Files.newOutputStream(log)), max, total);
        PrintStream ps = new PrintStream(capped, true)) {
      System.setProperty("maven.multiModuleProjectDirectory", baseDir);
      self.setContextClassLoader(realm);
      try {
        return (Integer) doMain.invoke(make.newInstance(world), args, workDir, ps, ps);
      } catch (InvocationTargetException e) {
        e.getCause().printStackTrace(ps);
        return 1;
      } catch (ReflectiveOperationException e) {
        e.printStackTrace(ps);
        return 1;
      }
    } finally {
      Properties now = System.getProperties();
      now.clear();
      now.putAll(saved);
      System.setIn(stdin);
      self.setContextClassLoader(context);
    }
  }

  /** Keeps at most {@code max} bytes of a build's output, counting all of it. */
  private static final class Capped extends OutputStream {
    private final OutputStream out;
    private final long max;
    private final long[] total;

    Capped(OutputStream out, long max, long[] total) {
      this.out = out;
      this.max = max;
      this.total = total;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      if (total[0]++ < max) {
        out.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      long kept = Math.max(0, Math.min(len, max - total[0]));
      if (kept > 0) {
        out.write(b, off, (int) kept);
      }
      total[0] += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
