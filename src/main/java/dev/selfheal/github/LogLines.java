package dev.selfheal.github;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A job log, streamed line by line (logs can be large) without Actions' timestamp prefixes. */
final class LogLines {
  private static final Pattern STAMP =
      Pattern.compile("^\\uFEFF?\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z ?");

  private LogLines() {}

  static void copyStripped(InputStream in, OutputStream out) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder));
    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      w.write(strip(line));
      w.write('\n');
    }
    w.flush();
  }

  static String strip(String line) {
    return STAMP.matcher(line).replaceFirst("");
  }
}
