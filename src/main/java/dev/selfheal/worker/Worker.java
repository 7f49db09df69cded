package dev.selfheal.worker;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A warm JVM that keeps a project's test classpath loaded and runs its tests on request: selfheal's
 * fault localization (one coverage record per test) and its candidate checks (a changed class
 * compiled in memory, the tests run against it). It runs in the project's own JVM, with the
 * project's own JUnit; it depends on nothing but the JDK and JUnit, found at run time.
 *
 * <p>One request per line on stdin, tab-separated, fields Base64 where they are text:
 *
 * <pre>
 * RUN id coverage|check tests sources
 *   tests   = test ids (Class#method or Class), newline-separated, the whole Base64
 *   sources = changed classes, "binary.Name:Base64(source)" comma-separated (empty: as built)
 * </pre>
 *
 * answered on stdout by {@code TEST id test PASS|FAIL|SKIP millis message coverage} lines, one per
 * test as it ends (a check stops at its first failure), and one {@code DONE id} ({@code DONE id
 * dirty} when a test left a thread running), or {@code ERROR id message}; {@code LIST id classes}
 * answers with a {@code CASE id test} line per test method. What tests print is dropped, never
 * mixed into the protocol.
 */
public final class Worker {
  private Worker() {}

  public static void main(String[] args) throws Exception {
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
    System.setOut(
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                // tests' output is not the protocol
              }
            }));
    ExitGuard.install();
    List<URL> roots = new ArrayList<>();
    for (String a : args) {
      roots.add(new java.io.File(a).toURI().toURL());
    }
    Runner runner = Runner.detect(Worker.class.getClassLoader());
    protocol.println("READY " + runner.name());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] f = line.split("\t", -1);
      if (f.length == 3 && f[0].equals("LIST")) {
        try {
          ClassLoader loader =
              new ProjectLoader(
                  roots, new java.util.HashMap<String, byte[]>(), Worker.class.getClassLoader());
          for (String cls : lines(text(f[2]))) {
            try {
              for (String t : runner.list(loader, cls)) {
                protocol.println("CASE " + f[1] + " " + b64(t));
              }
            } catch (Exception | LinkageError notATest) {
              // a helper, an abstract base or a class that does not load: no tests of its own
            }
          }
          protocol.println("DONE " + f[1]);
        } catch (Throwable t) {
          protocol.println("ERROR " + f[1] + " " + b64(String.valueOf(t)));
        }
        continue;
      }
      if (f.length < 5 || !f[0].equals("RUN")) {
        protocol.println("ERROR ? " + b64("a request must be RUN id mode tests sources"));
        continue;
      }
      String id = f[1];
      boolean coverage = f[2].equals("coverage");
      try {
        List<String> tests = lines(text(f[3]));
        Map<String, String> sources = new LinkedHashMap<>();
        for (String s : f[4].split(",")) {
          int sep = s.indexOf(':');
          if (sep > 0) {
            sources.put(s.substring(0, sep), text(s.substring(sep + 1)));
          }
        }
        Map<String, byte[]> classes = InMemoryCompiler.compile(sources, roots);
        ClassLoader loader = new ProjectLoader(roots, classes, Worker.class.getClassLoader());
        java.util.Set<Thread> before = Threads.live();
        for (String test : tests) {
          Coverage.reset(coverage);
          Runner.Outcome o = runner.run(loader, test);
          String result = o.result;
          String data = coverage ? Base64.getEncoder().encodeToString(Coverage.take()) : "-";
          protocol.println(
              "TEST "
                  + id
                  + " "
                  + b64(test)
                  + " "
                  + result
                  + " "
                  + o.millis
                  + " "
                  + b64(o.message)
                  + " "
                  + data);
          if (!coverage && !result.equals("PASS")) {
            break; // a candidate that fails one test is out: the rest need not run
          }
        }
        // A test that timed out under JUnit leaves its thread spinning: the worker says so, and
        // selfheal replaces it before the next request runs slower for it.
        protocol.println("DONE " + id + (Threads.busySince(before) ? " dirty" : ""));
      } catch (InMemoryCompiler.CompileError e) {
        protocol.println("ERROR " + id + " " + b64("does not compile: " + e.getMessage()));
      } catch (Throwable t) {
        protocol.println("ERROR " + id + " " + b64(String.valueOf(t)));
      }
    }
  }

  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    for (String l : s.split("\n")) {
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  private static String text(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  static String b64(String s) {
    return Base64.getEncoder()
        .encodeToString((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
  }
}
