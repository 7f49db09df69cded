package dev.selfheal.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dependency index on disk, one file per state of the build files: {@code deps-<sha256>.tsv}
 * with a {@code classpath} line per module and a {@code types} line per jar. Written to a temporary
 * file and moved into place, so a reader sees a whole entry or none.
 */
final class IndexCache {
  record Entry(Map<String, List<Path>> classpaths, Map<Path, List<String>> types) {}

  private IndexCache() {}

  /** The entry for one state of the build files; {@code key} is their {@link #buildFilesHash}. */
  static Optional<Entry> read(Path cacheDir, String key) throws IOException {
    Path file = cacheDir.resolve("deps-" + key + ".tsv");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Map<String, List<Path>> classpaths = new LinkedHashMap<>();
    Map<Path, List<String>> types = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t", -1);
      if (cols.length >= 2 && cols[0].equals("classpath")) {
        List<Path> jars = new ArrayList<>();
        for (int i = 2; i < cols.length; i++) {
          Path jar = Path.of(cols[i]);
          if (!Files.isRegularFile(jar)) {
            return Optional.empty(); // the local repository changed: resolve again
          }
          jars.add(jar);
        }
        classpaths.put(cols[1], jars);
      } else if (cols.length == 3 && cols[0].equals("types")) {
        types.put(Path.of(cols[1]), cols[2].isEmpty() ? List.of() : List.of(cols[2].split(",")));
      }
    }
    return Optional.of(new Entry(classpaths, types));
  }

  static void write(Path cacheDir, String key, Entry entry) throws IOException {
    Files.createDirectories(cacheDir);
    StringBuilder sb = new StringBuilder();
    entry
        .classpaths()
        .forEach(
            (module, jars) -> {
              sb.append("classpath\t").append(module);
              jars.forEach(j -> sb.append('\t').append(j));
              sb.append('\n');
            });
    entry
        .types()
        .forEach(
            (jar, names) ->
                sb.append("types\t")
                    .append(jar)
                    .append('\t')
                    .append(String.join(",", names))
                    .append('\n'));
    Path tmp = Files.createTempFile(cacheDir, "deps", ".tmp");
    Files.writeString(tmp, sb, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        cacheDir.resolve("deps-" + key + ".tsv"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** A hash of every build file's path and content: what decides the classpath. */
  static String buildFilesHash(Path repo) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    ProjectFiles.walk(
        repo,
        name -> name.equals("pom.xml") || name.startsWith("build.gradle"),
        file -> files.put(repo.relativize(file).toString(), Files.readAllBytes(file)));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.forEach(
          (path, bytes) -> {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
          });
      return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
