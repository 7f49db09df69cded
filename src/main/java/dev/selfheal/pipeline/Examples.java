package dev.selfheal.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The example projects bundled in selfheal's jar (from {@code examples/}), copied out for a demo.
 */
public final class Examples {
  private Examples() {}

  public static Path extract(String name, Path target) throws IOException {
    String prefix = "examples/" + name + "/";
    Path origin;
    try {
      origin = Path.of(Examples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate selfheal's own jar", e);
    }
    int copied = 0;
    if (Files.isDirectory(origin)) {
      Path root = origin.resolve(prefix);
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          if (Files.isRegularFile(p)) {
            Path dest = target.resolve(root.relativize(p).toString());
            Files.createDirectories(dest.getParent());
            Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            copied++;
          }
        }
      }
    } else {
      try (ZipFile zip = new ZipFile(origin.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          if (e.isDirectory() || !e.getName().startsWith(prefix)) {
            continue;
          }
          Path dest = target.resolve(e.getName().substring(prefix.length())).normalize();
          if (!dest.startsWith(target)) {
            throw new IOException("bad entry in selfheal's jar: " + e.getName());
          }
          Files.createDirectories(dest.getParent());
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
          }
          copied++;
        }
      }
    }
    if (copied == 0) {
      throw new IOException("no bundled example named " + name);
    }
    return target;
  }
}
