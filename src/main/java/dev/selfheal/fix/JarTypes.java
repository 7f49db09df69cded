package dev.selfheal.fix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The classes in a jar, top-level and member types (not anonymous or local ones), from its central
 * directory alone (no class is read or loaded), which is what keeps indexing a hundred jars well
 * under a second.
 */
final class JarTypes {
  private static final java.util.regex.Pattern ANONYMOUS_OR_LOCAL =
      java.util.regex.Pattern.compile("\\$\\d");

  private JarTypes() {}

  static List<String> list(Path jar) throws IOException {
    List<String> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class")
            && !name.startsWith("META-INF/")
            && !name.endsWith("module-info.class")
            && !name.endsWith("package-info.class")
            && !ANONYMOUS_OR_LOCAL.matcher(name).find()) {
          // A member type is imported by its canonical name: picocli.CommandLine.Command.
          out.add(name.substring(0, name.length() - 6).replace('/', '.').replace('$', '.'));
        }
      }
    } catch (ZipException corrupt) {
      return List.of(); // a broken jar offers no types; the build will say why it is broken
    }
    return out;
  }
}
