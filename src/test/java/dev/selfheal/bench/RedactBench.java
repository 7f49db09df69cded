package dev.selfheal.bench;

import dev.selfheal.redact.Redactor;
import dev.selfheal.redact.StreamRedaction;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Redaction throughput on a build log of a given size (a Maven log's lines, a few planted secrets),
 * against a plain copy of the same file: {@code bench/redact.sh [MiB]}.
 */
public final class RedactBench {
  private static final String[] LINES = {
    "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/apache/maven/plugins/maven-surefire-plugin/3.5.6/maven-surefire-plugin-3.5.6.pom",
    "[INFO] --- maven-compiler-plugin:3.14.0:compile (default-compile) @ inventory ---",
    "[INFO] Compiling 42 source files with javac [debug release 17] to target/classes",
    "[INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.113 s -- in com.acme.inventory.StockTest",
    "[ERROR] /work/repo/src/main/java/com/acme/inventory/Stock.java:[41,17] cannot find symbol",
    "\tat com.acme.inventory.StockTest.reservesWhatIsThere(StockTest.java:57)",
    "org.opentest4j.AssertionFailedError: expected: <12> but was: <11>",
    "2026-12-02T10:15:30.123Z DEBUG session=4b1c2d3e tokenCount=17 cache hit ratio 0.93",
  };

  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 512;
    Path log = Files.createTempFile("selfheal-bench", ".log");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 20)) {
      long written = 0;
      long target = (long) mib << 20;
      for (int i = 0; written < target; i++) {
        String l =
            (i % 100_000 == 0
                    ? "export DB_PASS=hunter2Xy9 token ghp_"
                        + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"
                    : LINES[i % LINES.length])
                + "\n";
        byte[] b = l.getBytes(StandardCharsets.UTF_8);
        out.write(b);
        written += b.length;
      }
    }
    Path copy = Files.createTempFile("selfheal-bench", ".copy");
    Path red = Files.createTempFile("selfheal-bench", ".red");
    try {
      long size = Files.size(log);
      for (int run = 0; run < 3; run++) {
        long t0 = System.nanoTime();
        try (var in = Files.newInputStream(log);
            var out = Files.newOutputStream(copy)) {
          in.transferTo(out);
        }
        long t1 = System.nanoTime();
        try (var in = Files.newInputStream(log);
            var out = new BufferedOutputStream(Files.newOutputStream(red), 1 << 20)) {
          StreamRedaction.copy(in, out, new Redactor(Map.of("CI_TOKEN", "s3cr3t-value-123")));
        }
        long t2 = System.nanoTime();
        System.out.printf(
            "run %d: %d MiB; plain copy %.0f MiB/s; redaction %.0f MiB/s (%.1f s)%n",
            run + 1,
            size >> 20,
            (size / 1048576.0) / ((t1 - t0) / 1e9),
            (size / 1048576.0) / ((t2 - t1) / 1e9),
            (t2 - t1) / 1e9);
      }
    } finally {
      Files.deleteIfExists(log);
      Files.deleteIfExists(copy);
      Files.deleteIfExists(red);
    }
  }
}
