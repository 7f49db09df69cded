package dev.selfheal.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Processes a command left behind, found by the cookie in their environment ({@code
 * /proc/<pid>/environ}, Linux): a daemonised child is re-parented to init and may have started its
 * own session, so neither the process tree nor a process group still reaches it. Elsewhere there is
 * no {@code /proc}, and only the tree is killed.
 */
final class Leftovers {
  private Leftovers() {}

  /** Kills every process whose environment carries this command's cookie; how many there were. */
  static int kill(String cookie) {
    if (!Files.isDirectory(Path.of("/proc/self"))) {
      return 0;
    }
    byte[] needle = (CommandRunner.COOKIE + "=" + cookie + "\0").getBytes(StandardCharsets.UTF_8);
    long self = ProcessHandle.current().pid();
    int killed = 0;
    // A few rounds: a process being killed may have forked a moment before.
    for (int round = 0; round < 3; round++) {
      List<ProcessHandle> marked =
          ProcessHandle.allProcesses()
              .filter(h -> h.pid() != self && carries(h.pid(), needle))
              .toList();
      if (marked.isEmpty()) {
        break;
      }
      marked.forEach(ProcessHandle::destroyForcibly);
      killed += marked.size();
    }
    return killed;
  }

  private static boolean carries(long pid, byte[] needle) {
    byte[] env;
    try {
      env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
    } catch (IOException | SecurityException e) {
      return false; // gone already, or another user's
    }
    outer:
    for (int i = 0; i + needle.length <= env.length; i++) {
      if (i > 0 && env[i - 1] != 0) {
        continue; // a variable starts after a NUL
      }
      for (int j = 0; j < needle.length; j++) {
        if (env[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
