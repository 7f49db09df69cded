package dev.selfheal.worker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The JUnit Platform's launcher: Jupiter, and JUnit 4 through the vintage engine. */
final class PlatformRunner extends Runner {
  @Override
  String name() {
    return "junit-platform";
  }

  @Override
  java.util.List<String> list(ClassLoader loader, String className) throws Exception {
    Class<?> c = Class.forName(className, false, loader);
    Thread current = Thread.currentThread();
    ClassLoader before = current.getContextClassLoader();
    current.setContextClassLoader(loader);
    try {
      org.junit.platform.launcher.TestPlan plan =
          LauncherFactory.create()
              .discover(
                  LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c)).build());
      java.util.List<String> out = new java.util.ArrayList<>();
      for (TestIdentifier root : plan.getRoots()) {
        for (TestIdentifier t : plan.getDescendants(root)) {
          Object source = t.getSource().orElse(null);
          if (source instanceof MethodSource) {
            String id = className + "#" + ((MethodSource) source).getMethodName();
            if (!out.contains(id)) {
              out.add(id);
            }
          }
        }
      }
      return out;
    } finally {
      current.setContextClassLoader(before);
    }
  }

  @Override
  Outcome run(ClassLoader loader, String test) throws Exception {
    String[] t = split(test);
    Class<?> c = Class.forName(t[0], false, loader);
    final String method = t[1];
    PostDiscoveryFilter only =
        descriptor -> {
          Object source = descriptor.getSource().orElse(null);
          if (method == null || !(source instanceof MethodSource)) {
            return FilterResult.included("a container or the whole class");
          }
          return ((MethodSource) source).getMethodName().equals(method)
              ? FilterResult.included("the test asked for")
              : FilterResult.excluded("another test");
        };
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c)).filters(only).build();
    final AtomicInteger ran = new AtomicInteger();
    final AtomicReference<String> failed = new AtomicReference<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED
                || (!id.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED)) {
              failed.compareAndSet(
                  null,
                  id.getDisplayName()
                      + ": "
                      + result.getThrowable().map(String::valueOf).orElse("failed"));
            }
            if (id.isTest() && result.getStatus() != TestExecutionResult.Status.ABORTED) {
              ran.incrementAndGet();
            }
          }
        };
    Thread current = Thread.currentThread();
    ClassLoader before = current.getContextClassLoader();
    current.setContextClassLoader(loader);
    long t0 = System.nanoTime();
    try {
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request, listener);
    } finally {
      current.setContextClassLoader(before);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (failed.get() != null) {
      return new Outcome("FAIL", ms, failed.get());
    }
    return ran.get() == 0 ? new Outcome("SKIP", ms, "no test ran") : new Outcome("PASS", ms, "");
  }
}
