package dev.selfheal.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sign of life while a long command runs: every few seconds, the time it has taken and the last
 * module, phase or test its output shows — a single line rewritten in place on a terminal, plain
 * lines otherwise (a CI log). Always on stderr; stdout carries only results.
 */
final class Heartbeat implements AutoCloseable {
  private static final Pattern MAVEN_MODULE =
      Pattern.compile("\\[INFO\\] Building (.+?) [^ ]+(?: +\\[\\d+/\\d+\\])?$");
  private static final Pattern MAVEN_GOAL =
      Pattern.compile("\\[INFO\\] --- ([\\w.-]+):[^:]+:([\\w-]+) .*@ ([\\w.-]+) ---");
  private static final Pattern MAVEN_TEST = Pattern.compile("\\[INFO\\] Running ([\\w.$]+)");
  private static final Pattern GRADLE_TASK = Pattern.compile("^> Task (:\\S+)");
  private static final Pattern PYTEST = Pattern.compile("^(\\S+\\.py)(?:::\\S+)? ");
  private static final Pattern NODE = Pattern.compile("^\\s*# Subtest: (.+)$");

  private final Thread thread;
  private volatile boolean stop;

  private Heartbeat(PrintStream err, String stage, Path log, long everyMillis, boolean live) {
    long t0 = System.nanoTime();
    thread =
        new Thread(
            () -> {
              String lastSeen = "";
              while (!stop) {
                try {
                  Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                  return;
                }
                if (stop) {
                  return;
                }
                String seen = lastSeen(log);
                if (!seen.isEmpty()) {
                  lastSeen = seen;
                }
                long s = (System.nanoTime() - t0) / 1_000_000_000;
                String line =
                    String.format(
                        "%-9s … %s%s",
                        stage,
                        s >= 60 ? (s / 60) + "m " + (s % 60) + "s" : s + "s",
                        lastSeen.isEmpty() ? "" : " — " + lastSeen);
                if (live) {
                  err.print("\r\u001b[2K" + line);
                } else {
                  err.println(line);
                }
                err.flush();
              }
            },
            "selfheal-heartbeat");
    thread.setDaemon(true);
    this.live = live;
    this.err = err;
  }

  private final boolean live;
  private final PrintStream err;

  /**
   * Beats every {@code SELFHEAL_HEARTBEAT_SECONDS} (default 15) while the command writing {@code
   * log} runs; a live line when stderr is a terminal.
   */
  static Heartbeat start(
      PrintStream err, String stage, Path log, java.util.Map<String, String> env) {
    long seconds = 15;
    try {
      seconds = Long.parseLong(env.getOrDefault("SELFHEAL_HEARTBEAT_SECONDS", "15"));
    } catch (NumberFormatException e) {
      // the default
    }
    boolean live =
        System.console() != null && !"dumb".equals(env.get("TERM")) && env.get("CI") == null;
    Heartbeat h = new Heartbeat(err, stage, log, Math.max(1, seconds) * 1000, live);
    h.thread.start();
    return h;
  }

  @Override
  public void close() {
    stop = true;
    thread.interrupt();
    if (live) {
      err.print("\r\u001b[2K");
      err.flush();
    }
  }

  /** What the end of the log says is going on, or "" when nothing is recognised. */
  static String lastSeen(Path log) {
    String tail;
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, 64 * 1024);
      byte[] b = new byte[n];
      f.seek(len - n);
      f.readFully(b);
      tail = new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
    String[] lines = tail.split("\r?\n");
    String module = null;
    String phase = null;
    for (int i = lines.length - 1; i >= 0 && (module == null || phase == null); i--) {
      String l = lines[i];
      Matcher m;
      if (phase == null && (m = MAVEN_TEST.matcher(l)).find()) {
        phase = "running " + m.group(1);
      } else if (phase == null && (m = MAVEN_GOAL.matcher(l)).find()) {
        phase = m.group(1).replace("maven-", "").replace("-plugin", "") + ":" + m.group(2);
        module = module == null ? m.group(3) : module;
      } else if (module == null && (m = MAVEN_MODULE.matcher(l)).find()) {
        module = m.group(1);
      } else if (phase == null && (m = GRADLE_TASK.matcher(l)).find()) {
        phase = "task " + m.group(1);
      } else if (phase == null && (m = PYTEST.matcher(l)).find()) {
        phase = m.group(1);
      } else if (phase == null && (m = NODE.matcher(l)).find()) {
        phase = "test " + m.group(1);
      }
    }
    if (module == null && phase == null) {
      for (int i = lines.length - 1; i >= 0; i--) {
        String l = lines[i].strip();
        if (!l.isEmpty()) {
          return l.length() > 80 ? l.substring(0, 77) + "…" : l;
        }
      }
      return "";
    }
    return module == null ? phase : phase == null ? module : module + ": " + phase;
  }
}
