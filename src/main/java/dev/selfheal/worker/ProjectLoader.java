package dev.selfheal.worker;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;

/**
 * The project's own classes (its modules' classes and test classes), loaded afresh for each run,
 * child first, with the candidate's compiled classes in place of the built ones; libraries and
 * JUnit come from the worker's class path, loaded once.
 */
final class ProjectLoader extends URLClassLoader {
  private final Map<String, byte[]> replaced;

  ProjectLoader(List<URL> roots, Map<String, byte[]> replaced, ClassLoader libraries) {
    super(roots.toArray(new URL[0]), libraries);
    this.replaced = replaced;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        byte[] b = replaced.get(name);
        if (b != null) {
          c = defineClass(name, b, 0, b.length);
        } else {
          try {
            c = findClass(name); // the project's classes: this loader's, never the parent's
          } catch (ClassNotFoundException notProjects) {
            c = super.loadClass(name, false);
          }
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }
}
