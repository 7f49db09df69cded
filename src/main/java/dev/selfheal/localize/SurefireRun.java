package dev.selfheal.localize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the build ran a test class, read back from its surefire (or failsafe) XML report: the test
 * class path exactly as the build resolved it, the JVM it used, and the system properties the
 * project's configuration added. The warm worker runs the tests the same way, and no Maven run is
 * needed to find out.
 */
public record SurefireRun(
    List<Path> classpath, Optional<Path> javaHome, Map<String, String> properties) {
  private static final Pattern PROPERTY =
      Pattern.compile("<property\\s+name=\"([^\"]*)\"\\s+value=\"([^\"]*)\"\\s*/>");

  /** Properties every JVM or surefire sets: never passed on (they are the worker's own). */
  private static final Pattern STANDARD =
      Pattern.compile(
          "(java|javax|jdk|sun|os|user|file|line|path|native|surefire|awt|stdout|stderr|jboss)"
              + "\\..*|basedir|localRepository|maven\\..*|idea\\..*|classworlds\\..*|library\\..*");

  private static final Set<String> REPORT_DIRS = Set.of("surefire-reports", "failsafe-reports");

  public SurefireRun {
    classpath = List.copyOf(classpath);
    properties = Map.copyOf(properties);
  }

  /** The run of a test class of a module, from its report; empty when there is none to read. */
  public static Optional<SurefireRun> of(Path moduleDir, String testClass) throws IOException {
    for (String dir : REPORT_DIRS) {
      Path report = moduleDir.resolve("target").resolve(dir).resolve("TEST-" + testClass + ".xml");
      if (Files.isRegularFile(report)) {
        Optional<SurefireRun> r = parse(Files.readString(report, StandardCharsets.UTF_8));
        if (r.isPresent()) {
          return r;
        }
      }
    }
    return Optional.empty();
  }

  static Optional<SurefireRun> parse(String xml) {
    int end = xml.indexOf("</properties>");
    Matcher m = PROPERTY.matcher(end < 0 ? xml : xml.substring(0, end));
    String classpath = null;
    String home = null;
    String separator = java.io.File.pathSeparator;
    Map<String, String> extra = new LinkedHashMap<>();
    while (m.find()) {
      String name = unescape(m.group(1));
      String value = unescape(m.group(2));
      switch (name) {
        case "surefire.test.class.path" -> classpath = value;
        case "java.home" -> home = value;
        case "path.separator" -> separator = value;
        default -> {
          if (!STANDARD.matcher(name).matches() && extra.size() < 100 && value.length() < 4096) {
            extra.put(name, value);
          }
        }
      }
    }
    if (classpath == null || classpath.isBlank()) {
      return Optional.empty();
    }
    List<Path> entries = new ArrayList<>();
    for (String e : classpath.split(Pattern.quote(separator))) {
      if (!e.isBlank()) {
        entries.add(Path.of(e));
      }
    }
    return Optional.of(new SurefireRun(entries, Optional.ofNullable(home).map(Path::of), extra));
  }

  private static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|lt|gt|amp|quot|apos);").matcher(s);
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                new String(
                    Character.toChars(
                        e.startsWith("#x")
                            ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1))));
          };
      m.appendReplacement(b, Matcher.quoteReplacement(r));
    }
    m.appendTail(b);
    return b.toString();
  }
}
