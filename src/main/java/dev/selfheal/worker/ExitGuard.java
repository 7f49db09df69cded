package dev.selfheal.worker;

/**
 * Keeps a test from ending the worker with {@code System.exit}: the exit is refused (the test fails
 * instead). Where the JVM no longer allows a security manager, an exit ends the worker, and
 * selfheal starts another.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {
  private ExitGuard() {}

  static void install() {
    try {
      System.setSecurityManager(new ExitGuard());
    } catch (UnsupportedOperationException | SecurityException e) {
      // JDK 24+: no security manager; selfheal notices the exit and replaces the worker
    }
  }

  @Override
  public void checkExit(int status) {
    throw new SecurityException("a test called System.exit(" + status + ")");
  }

  @Override
  public void checkPermission(java.security.Permission perm) {
    // everything else is allowed
  }

  @Override
  public void checkPermission(java.security.Permission perm, Object context) {
    // everything else is allowed
  }
}
