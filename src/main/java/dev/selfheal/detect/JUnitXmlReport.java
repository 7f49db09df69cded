package dev.selfheal.detect;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A JUnit-format XML report from any runner: Surefire and Failsafe, Gradle, pytest {@code
 * --junitxml}, jest-junit. Read with StAX (no DTDs, no external entities), so a huge report streams
 * and a truncated one still yields the test cases before the break, with a warning.
 */
public final class JUnitXmlReport {
  private static final XMLInputFactory XML = secureFactory();
  private static final Pattern PY_LOCATION =
      Pattern.compile("(?m)^([\\w./-]+\\.py):(\\d+):(?: (\\w+))?\\s*$");
  private static final Pattern LEADING_TYPE =
      Pattern.compile("^([\\w$.]*(?:Error|Exception|Failure)\\w*):");
  private static final int MAX_TEXT = 64 * 1024;

  private JUnitXmlReport() {}

  public record Result(List<Failure> failures, List<TestOutcome> outcomes, List<String> warnings) {}

  public static Result read(Path file, ParseContext ctx) {
    List<Failure> failures = new ArrayList<>();
    List<TestOutcome> outcomes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = XML.createXMLStreamReader(in);
      String suite = null;
      Case c = null;
      StringBuilder text = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamReader.START_ELEMENT) {
          String name = r.getLocalName();
          switch (name) {
            case "testsuite" -> suite = r.getAttributeValue(null, "name");
            case "testcase" ->
                c =
                    new Case(
                        attr(r, "classname"), attr(r, "name"), r.getAttributeValue(null, "file"));
            case "failure", "error" -> {
              if (c != null && c.problem == null) {
                c.problem = name;
                c.message = r.getAttributeValue(null, "message");
                c.type = r.getAttributeValue(null, "type");
                text = new StringBuilder();
              }
            }
            case "skipped" -> {
              if (c != null) {
                c.skipped = true;
              }
            }
            default -> {}
          }
        } else if ((ev == XMLStreamReader.CHARACTERS || ev == XMLStreamReader.CDATA)
            && text != null) {
          if (text.length() < MAX_TEXT) {
            text.append(r.getText(), 0, Math.min(r.getTextLength(), MAX_TEXT - text.length()));
          }
        } else if (ev == XMLStreamReader.END_ELEMENT) {
          String name = r.getLocalName();
          if ((name.equals("failure") || name.equals("error")) && text != null) {
            c.text = text.toString();
            text = null;
          } else if (name.equals("testcase") && c != null) {
            finishCase(c, suite, ctx, failures, outcomes);
            c = null;
          }
        }
      }
    } catch (XMLStreamException e) {
      warnings.add(
          file
              + ": malformed XML report ("
              + firstLine(e.getMessage())
              + "); read "
              + outcomes.size()
              + " test cases before the error");
    } catch (IOException e) {
      warnings.add(file + ": cannot read report: " + e.getMessage());
    }
    return new Result(failures, outcomes, warnings);
  }

  private static final class Case {
    final String className;
    final String name;
    final String file;
    String problem;
    String message;
    String type;
    String text;
    boolean skipped;

    Case(String className, String name, String file) {
      this.className = className;
      this.name = name;
      this.file = file;
    }
  }

  private static void finishCase(
      Case c, String suite, ParseContext ctx, List<Failure> failures, List<TestOutcome> outcomes) {
    boolean python =
        "pytest".equals(suite) || (c.text != null && PY_LOCATION.matcher(c.text).find());
    if (c.problem != null
        && python
        && c.className.isEmpty()
        && "collection failure".equals(c.message)) {
      failures.add(collectionError(c, ctx));
      return;
    }
    String id = testId(c, python, ctx);
    outcomes.add(
        new TestOutcome(
            id,
            c.problem != null
                ? TestOutcome.Result.FAILED
                : c.skipped ? TestOutcome.Result.SKIPPED : TestOutcome.Result.PASSED));
    if (c.problem == null) {
      return;
    }
    Draft d = new Draft(FailureKind.TEST_FAILURE, tool(suite, python, c), ctx).test(id);
    String text = c.text == null ? "" : c.text;
    if (python) {
      d.at(ctx.paths().resolve(id.substring(0, id.indexOf("::"))), null, null);
      Matcher loc = PY_LOCATION.matcher(text);
      String type = c.type;
      while (loc.find()) {
        if (loc.group(1).equals(d.file()) && d.line() == null) {
          d.at(d.file(), Integer.valueOf(loc.group(2)), null);
        }
        if (loc.group(3) != null) {
          type = loc.group(3);
        }
      }
      String ex = type;
      d.message(c.message == null ? "test failed" : c.message);
      d.details(x -> x.withException(ex).withFrames(ProjectFrames.of(text, ctx.paths())));
      AssertionValues.Values v = AssertionValues.of(text);
      if (v != null) {
        d.details(x -> x.withValues(v.expected(), v.actual()));
      }
      text.lines().filter(l -> l.startsWith("E ")).limit(12).forEach(d::excerpt);
    } else if (c.file != null && !c.file.endsWith(".java") && !c.file.endsWith(".kt")) {
      d.at(ctx.paths().resolve(c.file), null, null);
      JvmTrace.fill(d, text.isEmpty() ? String.valueOf(c.message) : text, ctx);
    } else {
      d.at(ctx.paths().forClass(c.className, null), null, null);
      String trace = text.isEmpty() ? (c.type == null ? "" : c.type + ": ") + nz(c.message) : text;
      JvmTrace.fill(d, trace, ctx);
      if (c.type != null && d.details().exceptionType() == null) {
        d.details(x -> x.withException(c.type));
      }
    }
    failures.add(d.build());
  }

  private static Failure collectionError(Case c, ParseContext ctx) {
    String module = c.name.replace('.', '/') + ".py";
    String text = nz(c.text);
    String message =
        text.lines()
            .filter(l -> l.startsWith("E "))
            .map(l -> l.substring(1).strip())
            .reduce((a, b) -> a + "\n" + b)
            .orElse("error collecting " + module);
    Draft d =
        new Draft(FailureKind.COMPILE_ERROR, "pytest", ctx)
            .at(ctx.paths().resolve(module), null, null)
            .message(message);
    Matcher loc = Pattern.compile("(?m)^" + Pattern.quote(module) + ":(\\d+):").matcher(text);
    if (loc.find()) {
      d.at(d.file(), Integer.valueOf(loc.group(1)), null);
    }
    Matcher type = LEADING_TYPE.matcher(message);
    if (type.find()) {
      d.details(x -> x.withException(type.group(1)));
    }
    return d.excerpt(message).build();
  }

  private static String testId(Case c, boolean python, ParseContext ctx) {
    String name = c.name.endsWith("()") ? c.name.substring(0, c.name.length() - 2) : c.name;
    if (python) {
      // pytest writes the module and classes dotted; the node id separates them with ::
      String[] parts = c.className.split("\\.");
      int split = parts.length;
      for (int i = parts.length; i > 0; i--) {
        if (ctx.paths().files().exists(String.join("/", Arrays.copyOfRange(parts, 0, i)) + ".py")) {
          split = i;
          break;
        }
      }
      StringBuilder id =
          new StringBuilder(String.join("/", Arrays.copyOfRange(parts, 0, split)) + ".py");
      for (String cls : Arrays.copyOfRange(parts, split, parts.length)) {
        id.append("::").append(cls);
      }
      return id.append("::").append(name).toString();
    }
    if (c.file != null && !c.file.endsWith(".java") && !c.file.endsWith(".kt")) {
      return ctx.paths().resolve(c.file) + "::" + name;
    }
    return c.className + "#" + name;
  }

  private static String tool(String suite, boolean python, Case c) {
    if (python) {
      return "pytest";
    }
    if (c.file != null && !c.file.endsWith(".java")) {
      return "jest";
    }
    return "junit";
  }

  private static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").replaceAll("\\s+", " ");
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    return f;
  }
}
