package dev.selfheal.fix.logic;

import com.github.javaparser.JavaParser;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import dev.selfheal.vcs.ChangeHunks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A suspicious line of a Java file, parsed, where templates look for what to change: the nodes on
 * it, the variables in scope there, and what the breaking change did to it.
 */
public final class Site {
  /** A variable in scope at the line, with its declared type ({@code null} for {@code var}). */
  public record Variable(String name, String type) {}

  private final String file;
  private final String text;
  private final CompilationUnit cu;
  private final int line;
  private final int[] lineStarts;
  private final ChangeHunks.Hunk hunk;
  private final boolean intentDeclared;

  private Site(
      String file,
      String text,
      CompilationUnit cu,
      int line,
      ChangeHunks.Hunk hunk,
      boolean intentDeclared) {
    this.file = file;
    this.text = text;
    this.cu = cu;
    this.line = line;
    this.hunk = hunk;
    this.intentDeclared = intentDeclared;
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The site, or empty when the file does not parse (a template never guesses at broken code).
   *
   * @param hunk what the breaking change wrote at the line, or null
   * @param intentDeclared whether the change's commits say they changed behaviour on purpose
   */
  public static Optional<Site> of(
      String file,
      String text,
      JavaParser parser,
      int line,
      ChangeHunks.Hunk hunk,
      boolean intentDeclared) {
    var parsed = parser.parse(text);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Site(file, text, parsed.getResult().get(), line, hunk, intentDeclared));
  }

  public String file() {
    return file;
  }

  public String text() {
    return text;
  }

  public int line() {
    return line;
  }

  public CompilationUnit unit() {
    return cu;
  }

  public Optional<ChangeHunks.Hunk> hunk() {
    return Optional.ofNullable(hunk);
  }

  public boolean intentDeclared() {
    return intentDeclared;
  }

  /** The offset in the text of a parser position (its column counts characters, tabs as one). */
  public int offset(Position p) {
    return lineStarts[p.line - 1] + p.column - 1;
  }

  /** Where a node starts in the text. */
  public int start(Node n) {
    return offset(n.getBegin().orElseThrow());
  }

  /** Where a node ends in the text (exclusive). */
  public int end(Node n) {
    return offset(n.getEnd().orElseThrow()) + 1;
  }

  public String source(Node n) {
    return text.substring(start(n), end(n));
  }

  /** The offset where a line (1-based) starts; the text's length past the last line. */
  public int lineStart(int n) {
    return n - 1 < lineStarts.length ? lineStarts[n - 1] : text.length();
  }

  /**
   * The nodes of a type that lie on the line: they cover it and span at most four lines (a
   * statement, an expression; not the block around them), first in the text first.
   */
  public <T extends Node> List<T> on(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (T n : cu.findAll(type)) {
      if (n.getRange().isEmpty()) {
        continue;
      }
      int b = n.getRange().get().begin.line;
      int e = n.getRange().get().end.line;
      if (b <= line && line <= e && e - b <= 3) {
        out.add(n);
      }
    }
    out.sort(
        Comparator.comparingInt(this::start).thenComparing(this::end, Comparator.reverseOrder()));
    return out;
  }

  /** The file's indentation step: a tab, or the fewest spaces any line is indented by. */
  public String indentUnit() {
    int fewest = Integer.MAX_VALUE;
    for (String l : text.split("\n")) {
      if (l.startsWith("\t")) {
        return "\t";
      }
      int n = 0;
      while (n < l.length() && l.charAt(n) == ' ') {
        n++;
      }
      if (n > 0 && n < l.length() && !l.isBlank() && l.charAt(n) != '*') {
        fewest = Math.min(fewest, n);
      }
    }
    return " ".repeat(fewest == Integer.MAX_VALUE ? 2 : Math.min(fewest, 8));
  }

  /** The method or constructor the line is in. */
  public Optional<CallableDeclaration<?>> callable() {
    CallableDeclaration<?> best = null;
    for (CallableDeclaration<?> c : cu.findAll(CallableDeclaration.class)) {
      var r = c.getRange();
      if (r.isPresent() && r.get().begin.line <= line && line <= r.get().end.line) {
        best = c; // the innermost: findAll walks outer before inner
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The variables in scope at the line, nearest first: the method's locals declared above it, its
   * parameters, then the fields of its class. Scope is approximated from the text; the compiler has
   * the last word on every candidate.
   */
  public List<Variable> variables() {
    Map<String, Variable> out = new LinkedHashMap<>();
    Optional<CallableDeclaration<?>> m = callable();
    if (m.isPresent()) {
      List<VariableDeclarator> locals = new ArrayList<>(m.get().findAll(VariableDeclarator.class));
      locals.removeIf(v -> v.getBegin().isEmpty() || v.getBegin().get().line >= line);
      locals.sort(
          Comparator.comparingInt((VariableDeclarator v) -> v.getBegin().get().line).reversed());
      for (VariableDeclarator v : locals) {
        out.putIfAbsent(v.getNameAsString(), new Variable(v.getNameAsString(), typeOf(v)));
      }
      for (Parameter p : m.get().getParameters()) {
        out.putIfAbsent(
            p.getNameAsString(),
            new Variable(p.getNameAsString(), p.isVarArgs() ? null : p.getType().asString()));
      }
      var owner = m.get().findAncestor(TypeDeclaration.class);
      if (owner.isPresent()) {
        for (Object f : owner.get().getFields()) {
          for (VariableDeclarator v : ((FieldDeclaration) f).getVariables()) {
            out.putIfAbsent(v.getNameAsString(), new Variable(v.getNameAsString(), typeOf(v)));
          }
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The declared type of a variable in scope, when the text says it. */
  public Optional<String> typeOf(String name) {
    return variables().stream()
        .filter(v -> v.name().equals(name) && v.type() != null)
        .map(Variable::type)
        .findFirst();
  }

  private static String typeOf(VariableDeclarator v) {
    String t = v.getType().asString();
    return t.equals("var") ? null : t;
  }
}
