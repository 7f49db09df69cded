package dev.selfheal.breakage;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project's methods an operator may change without guessing: declared once in the whole project
 * (so every call by that name is a call to it; a record component declares its accessor), on a
 * class, enum or record rather than an interface (whose implementations would change too), not an
 * override, and not named like a method of the JDK's everyday types (so a textual call {@code
 * x.name(} is known to be one of ours).
 */
final class Methods {
  private static final Set<String> JDK_NAMES = jdkNames();

  record Site(String file, TypeDeclaration<?> type, MethodDeclaration method) {
    String name() {
      return method.getNameAsString();
    }

    String label() {
      return type.getNameAsString() + "." + name();
    }
  }

  private Methods() {}

  static List<Site> changeable(SourceTree project) {
    Map<String, Integer> declared = new HashMap<>();
    List<Site> candidates = new ArrayList<>();
    for (String file : project.javaFiles()) {
      Optional<CompilationUnit> cu = project.parse(file);
      if (cu.isEmpty()) {
        continue;
      }
      for (MethodDeclaration md : cu.get().findAll(MethodDeclaration.class)) {
        declared.merge(md.getNameAsString(), 1, Integer::sum);
        Optional<Node> parent = md.getParentNode();
        if (!SourceTree.isTest(file)
            && parent.isPresent()
            && parent.get() instanceof TypeDeclaration<?> t
            && isConcrete(t)
            && !md.isPrivate()
            && md.getAnnotationByName("Override").isEmpty()
            && !JDK_NAMES.contains(md.getNameAsString())
            && !isAccessor(t, md)) {
          candidates.add(new Site(file, t, md));
        }
      }
      // A record's components declare accessors, written out or not: a call `book.title()` may be
      // one of them, so a method named like a component is not declared once.
      for (RecordDeclaration r : cu.get().findAll(RecordDeclaration.class)) {
        r.getParameters().forEach(p -> declared.merge(p.getNameAsString(), 1, Integer::sum));
      }
    }
    return candidates.stream().filter(s -> declared.get(s.name()) == 1).toList();
  }

  private static boolean isConcrete(TypeDeclaration<?> t) {
    return t.isEnumDeclaration()
        || t.isRecordDeclaration()
        || (t.isClassOrInterfaceDeclaration() && !t.asClassOrInterfaceDeclaration().isInterface());
  }

  private static boolean isAccessor(TypeDeclaration<?> t, MethodDeclaration md) {
    return t instanceof RecordDeclaration r
        && r.getParameters().stream()
            .anyMatch(p -> p.getNameAsString().equals(md.getNameAsString()));
  }

  /** Calls and method references naming {@code name}, as a pattern over source text. */
  static Pattern uses(String name) {
    return Pattern.compile(
        "(?<![\\w$])" + Pattern.quote(name) + "(?=\\s*\\()|(?<=::)" + Pattern.quote(name) + "\\b");
  }

  /** The offset in {@code text} of a parser position (1-based line and column). */
  static int offset(String text, Position p) {
    int line = 1;
    int i = 0;
    while (line < p.line) {
      i = text.indexOf('\n', i) + 1;
      if (i == 0) {
        throw new IllegalArgumentException("no line " + p.line);
      }
      line++;
    }
    return i + p.column - 1;
  }

  /** The text of a node, cut from the source by its range. */
  static int[] span(String text, Node node) {
    var r = node.getRange().orElseThrow();
    return new int[] {offset(text, r.begin), offset(text, r.end) + 1};
  }

  private static Set<String> jdkNames() {
    Set<String> names = new HashSet<>();
    for (Class<?> c :
        List.of(
            Object.class,
            String.class,
            StringBuilder.class,
            Integer.class,
            Long.class,
            Math.class,
            Objects.class,
            Arrays.class,
            Collection.class,
            List.class,
            Map.class,
            Set.class,
            Iterator.class,
            Optional.class,
            Stream.class,
            Collectors.class,
            java.util.Comparator.class,
            LocalDate.class,
            PrintStream.class,
            Record.class,
            Enum.class)) {
      for (Method m : c.getMethods()) {
        names.add(m.getName());
      }
    }
    return names;
  }
}
