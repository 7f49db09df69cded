package dev.selfheal.fix;

import dev.selfheal.model.Edit;
import dev.selfheal.model.RepoPath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies edits to files under a root, all or none: every edit is checked against the file's text
 * first ({@link #preview}), the caller guards the result, then the files are written ({@link
 * #write}). Paths must be canonical and repo-relative; no symbolic link is followed, in reading or
 * writing, and nothing inside {@code .git} is touched. A UTF-8 BOM and the file's line endings
 * survive; a file that is not UTF-8 is refused rather than rewritten in another charset.
 */
public final class EditWriter {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private EditWriter() {}

  /** Why a set of edits could not be applied; the message is fit to show a model in a retry. */
  public static final class EditRejected extends Exception {
    public EditRejected(String message) {
      super(message);
    }
  }

  /** The new text of each file the edits touch, without writing anything. */
  public static Map<String, String> preview(Path root, List<Edit> edits)
      throws EditRejected, IOException {
    return preview(root, Map.of(), edits);
  }

  /** As {@link #preview(Path, List)}, starting from texts earlier edits already produced. */
  public static Map<String, String> preview(Path root, Map<String, String> start, List<Edit> edits)
      throws EditRejected, IOException {
    Map<String, String> texts = new LinkedHashMap<>(start);
    for (Edit e : edits) {
      Path file = target(root, e.file());
      String text = texts.containsKey(e.file()) ? texts.get(e.file()) : read(file, e.file());
      Edit.Applied applied = e.applyTo(text);
      if (applied instanceof Edit.Applied.NotFound n) {
        throw new EditRejected(n.reason());
      }
      texts.put(e.file(), ((Edit.Applied.Changed) applied).text());
    }
    return texts;
  }

  /**
   * Writes texts a {@link #preview} produced (and a guard accepted). Each path is checked again, so
   * a folder swapped for a link since the preview is still refused; each file is replaced by a
   * rename, which replaces the directory entry and never writes through a link.
   */
  public static void write(Path root, Map<String, String> texts) throws EditRejected, IOException {
    Map<Path, String> checked = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : texts.entrySet()) {
      Path file = target(root, t.getKey());
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new EditRejected(t.getKey() + ": no such file");
      }
      checked.put(file, t.getValue());
    }
    for (Map.Entry<Path, String> t : checked.entrySet()) {
      write(t.getKey(), t.getValue(), hasBom(t.getKey()));
    }
  }

  /** Preview, then write: for callers that have no guard between the two (tests, tools). */
  public static Map<String, String> apply(Path root, List<Edit> edits)
      throws EditRejected, IOException {
    Map<String, String> texts = preview(root, edits);
    write(root, texts);
    return texts;
  }

  /** The file an edit names, refused unless it is canonical and reached without a link. */
  static Path target(Path root, String rel) throws EditRejected {
    try {
      return RepoPath.inside(root, rel);
    } catch (RepoPath.Refused r) {
      throw new EditRejected(r.getMessage());
    }
  }

  static String read(Path file, String name) throws EditRejected, IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new EditRejected(name + ": no such file");
    }
    byte[] bytes = Files.readAllBytes(file);
    int start = startsWithBom(bytes) ? 3 : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new EditRejected(name + ": not UTF-8 text; selfheal does not rewrite it");
    }
  }

  private static boolean hasBom(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return startsWithBom(in.readNBytes(3));
    }
  }

  private static boolean startsWithBom(byte[] b) {
    return b.length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
  }

  private static void write(Path file, String text, boolean bom) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    Path tmp = Files.createTempFile(file.getParent(), ".selfheal", ".tmp");
    try {
      try (var out = Files.newOutputStream(tmp)) {
        if (bom) {
          out.write(BOM);
        }
        out.write(body);
      }
      Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
