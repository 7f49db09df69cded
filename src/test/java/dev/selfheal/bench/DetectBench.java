package dev.selfheal.bench;

import dev.selfheal.detect.LogScan;
import dev.selfheal.detect.PathResolver;
import dev.selfheal.detect.RepoFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detection throughput on a large CI log, and the heap it needs. Builds a log of the requested size
 * from recorded Maven output, parses it {@code runs} times, and prints MB/s and the heap's peak.
 * Two logs: "typical" is a recorded passing build repeated, with a recorded failing build (compile
 * errors and four failed tests) every megabyte or so; "dense" has failures in every chunk, the
 * worst case. Run with {@code bench/detect.sh} (which caps the heap at 64 MiB).
 */
public final class DetectBench {
  public static void main(String[] args) throws IOException {
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path log = Files.createTempFile("selfheal-bench", ".log");
    try {
      for (String kind : new String[] {"typical", "dense"}) {
        write(log, megabytes * 1024 * 1024, kind.equals("dense"));
        measure(kind, log, runs);
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void measure(String kind, Path log, int runs) throws IOException {
    long bytes = Files.size(log);
    PathResolver paths = new PathResolver(new RepoFiles(Path.of("src/test/resources/fixtures")));
    for (int i = 0; i < runs; i++) {
      resetPeaks();
      long t0 = System.nanoTime();
      LogScan.Result r;
      try (InputStream in = Files.newInputStream(log)) {
        r = LogScan.scan(in, paths);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "%s run %d: %.0f MB in %.2f s = %.0f MB/s, %d lines, %d failures, heap peak %.1f MiB (max %d MiB)%n",
          kind,
          i + 1,
          bytes / 1e6,
          secs,
          bytes / 1e6 / secs,
          r.lines(),
          r.failures().size(),
          heapPeak() / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576);
    }
  }

  private static void write(Path log, long size, boolean dense) throws IOException {
    String noise = Files.readString(Path.of("src/test/resources/fixtures/maven/passing-build.log"));
    String failure =
        Files.readString(Path.of("src/test/resources/fixtures/maven/compile-types.log"))
            + Files.readString(
                Path.of("src/test/resources/fixtures/surefire/multimodule-console.log"));
    int every = dense ? 2 : 200;
    byte[] noiseBytes = noise.getBytes(StandardCharsets.UTF_8);
    byte[] failureBytes = failure.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 20)) {
      long written = 0;
      long n = 0;
      while (written < size) {
        byte[] chunk = n++ % every == every - 1 ? failureBytes : noiseBytes;
        out.write(chunk);
        written += chunk.length;
      }
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
