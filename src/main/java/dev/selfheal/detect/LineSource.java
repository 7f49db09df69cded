package dev.selfheal.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines from a byte stream in bounded memory: any line ending (LF, CRLF, CR), a UTF-8 BOM dropped,
 * malformed bytes replaced rather than fatal, and a line longer than {@code maxLine} bytes cut
 * there (the rest of it skipped), so a megabyte of minified output cannot blow the heap.
 */
public final class LineSource implements AutoCloseable {
  public static final int DEFAULT_MAX_LINE = 64 * 1024;

  private final InputStream in;
  private final int maxLine;
  private final byte[] buf = new byte[256 * 1024];
  private int pos;
  private int limit;
  private boolean first = true;
  private boolean eof;
  private long lineNumber;
  private byte[] line = new byte[1024];

  public LineSource(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  public LineSource(InputStream in) {
    this(in, DEFAULT_MAX_LINE);
  }

  /** 1-based number of the line last returned. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The next line without its terminator, or null at the end. */
  public String next() throws IOException {
    int len = 0;
    boolean any = false;
    while (true) {
      if (pos >= limit && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      any = true;
      int i = pos;
      while (i < limit && buf[i] != '\n' && buf[i] != '\r') {
        i++;
      }
      int take = Math.min(i - pos, maxLine - len);
      if (take > 0) {
        if (len + take > line.length) {
          byte[] bigger = new byte[Math.min(maxLine, Math.max(line.length * 2, len + take))];
          System.arraycopy(line, 0, bigger, 0, len);
          line = bigger;
        }
        System.arraycopy(buf, pos, line, len, take);
        len += take;
      }
      if (i == limit) {
        pos = limit;
        continue; // the line goes on in the next buffer
      }
      byte end = buf[i];
      pos = i + 1;
      if (end == '\r') {
        if (pos >= limit) {
          fill();
        }
        if (pos < limit && buf[pos] == '\n') {
          pos++;
        }
      }
      break;
    }
    lineNumber++;
    int start = 0;
    if (first) {
      first = false;
      if (len >= 3
          && (line[0] & 0xFF) == 0xEF
          && (line[1] & 0xFF) == 0xBB
          && (line[2] & 0xFF) == 0xBF) {
        start = 3;
      }
    }
    return new String(line, start, len - start, StandardCharsets.UTF_8);
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = n < 0;
      pos = limit = 0;
      return !eof && fill();
    }
    pos = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
