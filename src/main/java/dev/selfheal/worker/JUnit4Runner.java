package dev.selfheal.worker;

import org.junit.runner.JUnitCore;
import org.junit.runner.Request;
import org.junit.runner.Result;
import org.junit.runner.manipulation.Filter;

/** JUnit 4's own runner, for projects without the JUnit Platform. */
final class JUnit4Runner extends Runner {
  @Override
  String name() {
    return "junit4";
  }

  @Override
  java.util.List<String> list(ClassLoader loader, String className) throws Exception {
    java.util.List<String> out = new java.util.ArrayList<>();
    Class<?> c = Class.forName(className, false, loader);
    collect(Request.aClass(c).getRunner().getDescription(), className, out);
    return out;
  }

  private static void collect(
      org.junit.runner.Description d, String className, java.util.List<String> out) {
    if (d.getMethodName() != null && !d.getMethodName().equals("initializationError")) {
      String id = className + "#" + d.getMethodName().replaceAll("\\[.*$", "");
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    for (org.junit.runner.Description child : d.getChildren()) {
      collect(child, className, out);
    }
  }

  @Override
  Outcome run(ClassLoader loader, String test) throws Exception {
    String[] t = split(test);
    Class<?> c = Class.forName(t[0], true, loader);
    Request request = Request.aClass(c);
    if (t[1] != null) {
      final String method = t[1];
      request =
          request.filterWith(
              new Filter() {
                @Override
                public boolean shouldRun(org.junit.runner.Description d) {
                  if (d.getMethodName() == null) {
                    for (org.junit.runner.Description child : d.getChildren()) {
                      if (shouldRun(child)) {
                        return true;
                      }
                    }
                    return false;
                  }
                  return d.getMethodName().equals(method)
                      || d.getMethodName().startsWith(method + "[");
                }

                @Override
                public String describe() {
                  return method;
                }
              });
    }
    Thread current = Thread.currentThread();
    ClassLoader before = current.getContextClassLoader();
    current.setContextClassLoader(loader);
    long t0 = System.nanoTime();
    try {
      Result r = new JUnitCore().run(request);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (r.getRunCount() == 0) {
        return new Outcome("SKIP", ms, "no test ran");
      }
      if (!r.getFailures().isEmpty()) {
        return new Outcome("FAIL", ms, String.valueOf(r.getFailures().get(0).getException()));
      }
      return new Outcome("PASS", ms, "");
    } finally {
      current.setContextClassLoader(before);
    }
  }
}
