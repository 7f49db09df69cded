package dev.selfheal.redact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Redacts a stream of any size (a build log capped at 2 GiB) in one pass at close to disk speed: a
 * line at a time, so each rule's cheap trigger sees one line and most lines run no pattern at all;
 * a key block ({@code BEGIN ... PRIVATE KEY} to its END) is taken whole; a line longer than {@link
 * #MAX_UNIT} is cut at a space or punctuation near that size, never inside a run of token
 * characters unless there is no other place. Lines the redactor leaves alone are copied byte for
 * byte (a log that is not UTF-8 keeps its bytes).
 */
public final class StreamRedaction {
  static final int MAX_UNIT = 1 << 20;
  private static final int MAX_BLOCK = 256 * 1024;
  private static final byte[] BEGIN = "-----BEGIN".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "-----END".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PRIVATE = "PRIVATE KEY".getBytes(StandardCharsets.US_ASCII);

  private StreamRedaction() {}

  /** Copies {@code in} to {@code out} redacted; true when anything was redacted. */
  public static boolean copy(InputStream in, OutputStream out, Redactor redactor)
      throws IOException {
    Unit unit = new Unit();
    boolean changed = false;
    boolean inBlock = false;
    byte[] buf = new byte[64 * 1024];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] != '\n') {
          continue;
        }
        unit.append(buf, from, i + 1 - from);
        from = i + 1;
        int lineStart = unit.lastLineStart;
        unit.lastLineStart = unit.len;
        if (!inBlock && lineStart == 0 && !redactor.worthALook(unit.bytes, 0, unit.len)) {
          out.write(unit.bytes, 0, unit.len); // the common case: nothing there to redact
          unit.drop(unit.len);
          continue;
        }
        // "PRIVATE KEY" is rare: look for it first, and only then for the BEGIN or END beside it.
        boolean key = unit.contains(lineStart, PRIVATE);
        if (!inBlock && key && unit.contains(lineStart, BEGIN)) {
          inBlock = true;
        }
        if (inBlock && !(key && unit.contains(lineStart, END)) && unit.len < MAX_BLOCK) {
          continue; // a key block goes to the redactor whole
        }
        inBlock = false;
        changed |= unit.flush(out, redactor, unit.len);
      }
      unit.append(buf, from, n - from);
      if (unit.len > (inBlock ? MAX_BLOCK : MAX_UNIT)) {
        changed |= unit.flush(out, redactor, unit.cut(MAX_UNIT));
        inBlock = false;
      }
    }
    changed |= unit.flush(out, redactor, unit.len);
    out.flush();
    return changed;
  }

  /** The bytes not yet redacted: a line, a key block, or a piece of a very long line. */
  private static final class Unit {
    byte[] bytes = new byte[8192];
    int len;
    int lastLineStart;

    void append(byte[] b, int off, int n) {
      if (len + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, len + n));
      }
      System.arraycopy(b, off, bytes, len, n);
      len += n;
    }

    boolean contains(int from, byte[] what) {
      byte first = what[0];
      int last = len - what.length;
      for (int i = from; i <= last; i++) {
        if (bytes[i] != first) {
          continue;
        }
        int j = 1;
        while (j < what.length && bytes[i + j] == what[j]) {
          j++;
        }
        if (j == what.length) {
          return true;
        }
      }
      return false;
    }

    /** Where to cut a long line near {@code max}: after a space or punctuation if there is one. */
    int cut(int max) {
      for (int i = Math.min(len, max); i > max - 65_536 && i > 0; i--) {
        byte b = bytes[i - 1];
        if (b == ' ' || b == '\t' || b == ',' || b == ';' || b == '"' || b == '>' || b == '<') {
          return i;
        }
      }
      int i = Math.min(len, max);
      while (i > 0 && i < len && (bytes[i] & 0xC0) == 0x80) {
        i--; // not inside a UTF-8 sequence
      }
      return i;
    }

    /** Redacts the first {@code n} bytes and writes them; keeps the rest. */
    boolean flush(OutputStream out, Redactor redactor, int n) throws IOException {
      if (n == 0) {
        return false;
      }
      if (!redactor.worthALook(bytes, 0, n)) {
        out.write(bytes, 0, n);
        drop(n);
        return false;
      }
      String text = new String(bytes, 0, n, StandardCharsets.UTF_8);
      String clean = redactor.redact(text);
      boolean changed = !clean.equals(text);
      if (changed) {
        out.write(clean.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write(bytes, 0, n);
      }
      drop(n);
      return changed;
    }

    void drop(int n) {
      System.arraycopy(bytes, n, bytes, 0, len - n);
      len -= n;
      lastLineStart = Math.max(0, lastLineStart - n);
      if (bytes.length > 4 * MAX_UNIT && len < 8192) {
        bytes = Arrays.copyOf(bytes, 8192);
      }
    }
  }
}
