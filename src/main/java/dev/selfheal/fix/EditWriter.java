package dev.selfheal.fix;

import dev.selfheal.model.Edit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies edits to files under a root, all or none: every edit is checked against the file's text
 * first, then the files are written. A UTF-8 BOM and the file's line endings survive; a file that
 * is not UTF-8 is refused rather than rewritten in another charset.
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
      Path file = root.resolve(e.file()).normalize();
      if (!file.startsWith(root)) {
        throw new EditRejected(e.file() + ": outside the repository");
      }
      String text = texts.containsKey(e.file()) ? texts.get(e.file()) : read(file, e.file());
      Edit.Applied applied = e.applyTo(text);
      if (applied instanceof Edit.Applied.NotFound n) {
        throw new EditRejected(n.reason());
      }
      texts.put(e.file(), ((Edit.Applied.Changed) applied).text());
    }
    return texts;
  }

  public static Map<String, String> apply(Path root, List<Edit> edits)
      throws EditRejected, IOException {
    Map<String, String> texts = preview(root, edits);
    for (Map.Entry<String, String> t : texts.entrySet()) {
      write(root.resolve(t.getKey()), t.getValue(), hasBom(root.resolve(t.getKey())));
    }
    return texts;
  }

  static String read(Path file, String name) throws EditRejected, IOException {
    if (!Files.isRegularFile(file)) {
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
