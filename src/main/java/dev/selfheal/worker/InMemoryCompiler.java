package dev.selfheal.worker;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a candidate's changed classes in memory with the worker's own JDK (the project's),
 * against the project's classes and libraries: no file is written, and a candidate that does not
 * compile costs only this.
 */
final class InMemoryCompiler {
  private InMemoryCompiler() {}

  static final class CompileError extends Exception {
    CompileError(String message) {
      super(message);
    }
  }

  static Map<String, byte[]> compile(Map<String, String> sources, List<URL> roots)
      throws CompileError {
    Map<String, byte[]> out = new HashMap<>();
    if (sources.isEmpty()) {
      return out;
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new CompileError("this JVM has no compiler (a JRE, not a JDK)");
    }
    List<String> cp = new ArrayList<>();
    for (URL u : roots) {
      cp.add(new File(URI.create(u.toString())).getPath());
    }
    cp.add(System.getProperty("java.class.path"));
    List<JavaFileObject> units = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      final String text = e.getValue();
      units.add(
          new SimpleJavaFileObject(
              URI.create("string:///" + e.getKey().replace('.', '/') + ".java"),
              JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignore) {
              return text;
            }
          });
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, null, null);
    JavaFileManagerInMemory files = new JavaFileManagerInMemory(std, out);
    List<String> options =
        java.util.Arrays.asList(
            "-classpath", String.join(File.pathSeparator, cp), "-nowarn", "-g", "-proc:none");
    Boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
    if (!Boolean.TRUE.equals(ok)) {
      StringBuilder why = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          why.append("line ").append(d.getLineNumber()).append(": ").append(d.getMessage(null));
          break;
        }
      }
      throw new CompileError(why.toString());
    }
    return out;
  }

  /** Class files kept in a map, by binary name. */
  private static final class JavaFileManagerInMemory
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, byte[]> out;

    JavaFileManagerInMemory(StandardJavaFileManager std, Map<String, byte[]> out) {
      super(std);
      this.out = out;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, final String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(
          URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream() {
            @Override
            public void close() {
              out.put(className, toByteArray());
            }
          };
        }
      };
    }
  }
}
