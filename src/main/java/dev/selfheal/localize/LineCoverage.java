package dev.selfheal.localize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.IMethodCoverage;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataReader;
import org.jacoco.core.data.ExecutionDataStore;

/**
 * The source lines one test executed, read from the JaCoCo execution data the worker took after it:
 * each class it ran is analysed against its class file in the project's main class folders, and its
 * lines mapped to the source file in the repository. Tests tend to run the same probes, so a
 * class's analysis is kept per set of probes hit.
 */
final class LineCoverage {
  /** A source line of the project: its repository-relative file and its number. */
  public record Line(String file, int line) implements Comparable<Line> {
    @Override
    public int compareTo(Line o) {
      int c = file.compareTo(o.file);
      return c != 0 ? c : Integer.compare(line, o.line);
    }
  }

  private final Path repo;
  private final Map<String, Path> classFiles = new HashMap<>();
  private final Map<String, List<String>> sourcesByName = new HashMap<>();
  private final Map<String, Set<Line>> analysed = new HashMap<>();
  private final Map<Line, String> methods = new HashMap<>();

  LineCoverage(Path repo, List<Path> mainRoots, List<String> sourceFiles) throws IOException {
    this.repo = repo;
    for (Path root : mainRoots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".class"))
            .forEach(
                p -> {
                  String rel = root.relativize(p).toString().replace('\\', '/');
                  classFiles.putIfAbsent(rel.substring(0, rel.length() - ".class".length()), p);
                });
      }
    }
    for (String f : sourceFiles) {
      String name = f.substring(f.lastIndexOf('/') + 1);
      sourcesByName.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
    }
  }

  /** The lines a test's execution data shows as run (partly or fully). */
  Set<Line> lines(byte[] executionData) throws IOException {
    ExecutionDataStore store = new ExecutionDataStore();
    ExecutionDataReader reader = new ExecutionDataReader(new ByteArrayInputStream(executionData));
    reader.setExecutionDataVisitor(store);
    reader.setSessionInfoVisitor(info -> {});
    reader.read();
    Set<Line> out = new LinkedHashSet<>();
    for (ExecutionData d : store.getContents()) {
      if (!d.hasHits() || !classFiles.containsKey(d.getName())) {
        continue;
      }
      BitSet hit = new BitSet();
      boolean[] probes = d.getProbes();
      for (int i = 0; i < probes.length; i++) {
        if (probes[i]) {
          hit.set(i);
        }
      }
      String key =
          d.getName()
              + ":"
              + d.getId()
              + ":"
              + Base64.getEncoder().encodeToString(hit.toByteArray());
      Set<Line> lines = analysed.get(key);
      if (lines == null) {
        lines = analyse(d);
        analysed.put(key, lines);
      }
      out.addAll(lines);
    }
    return out;
  }

  /** The method ("Type.method") a covered line belongs to, when known. */
  String method(Line l) {
    return methods.get(l);
  }

  private Set<Line> analyse(ExecutionData d) throws IOException {
    ExecutionDataStore one = new ExecutionDataStore();
    one.put(new ExecutionData(d.getId(), d.getName(), d.getProbes().clone()));
    CoverageBuilder builder = new CoverageBuilder();
    Path classFile = classFiles.get(d.getName());
    new Analyzer(one, builder).analyzeClass(Files.readAllBytes(classFile), d.getName());
    Set<Line> out = new LinkedHashSet<>();
    for (IClassCoverage c : builder.getClasses()) {
      String file = source(c, classFile);
      if (file == null) {
        continue;
      }
      String type = c.getName().substring(c.getName().lastIndexOf('/') + 1);
      for (IMethodCoverage m : c.getMethods()) {
        for (int n = m.getFirstLine(); n > 0 && n <= m.getLastLine(); n++) {
          int status = m.getLine(n).getStatus();
          if (status == ICounter.FULLY_COVERED || status == ICounter.PARTLY_COVERED) {
            Line l = new Line(file, n);
            out.add(l);
            methods.putIfAbsent(l, type + "." + m.getName());
          }
        }
      }
    }
    return out;
  }

  /** The repository file a class was compiled from: its package folder and source file name. */
  private String source(IClassCoverage c, Path classFile) {
    if (c.getSourceFileName() == null) {
      return null;
    }
    List<String> named = sourcesByName.getOrDefault(c.getSourceFileName(), List.of());
    String suffix =
        (c.getPackageName().isEmpty() ? "" : c.getPackageName() + "/") + c.getSourceFileName();
    String best = null;
    for (String f : named) {
      if (f.equals(suffix) || f.endsWith("/" + suffix)) {
        // Two modules with the same class: the one whose target/ the class came from.
        Path module = classFile;
        for (int i = 0; i <= suffix.split("/").length + 1 && module != null; i++) {
          module = module.getParent();
        }
        if (best == null || (module != null && repo.resolve(f).startsWith(module))) {
          best = f;
        }
      }
    }
    return best;
  }
}
