package dev.selfheal.worker;

import java.util.HashSet;
import java.util.Set;

/** The threads a run of tests left behind. */
final class Threads {
  private Threads() {}

  static Set<Thread> live() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /** Whether a thread started since {@code before} is still running code (not waiting). */
  static boolean busySince(Set<Thread> before) {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t) && t.isAlive() && t.getState() == Thread.State.RUNNABLE) {
        return true;
      }
    }
    return false;
  }
}
