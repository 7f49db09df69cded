package dev.selfheal.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A failure's identity across runs, machines and unrelated edits: a hash of the kind, the
 * repo-relative path and the message with numbers, paths and generated names normalised away. A
 * test failure is its test id and exception class. No line numbers ever enter it.
 */
public final class Fingerprint {
  private static final Pattern UUID =
      Pattern.compile(
          "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
  private static final Pattern HEX = Pattern.compile("\\b(?:0x)?[0-9a-fA-F]{8,}\\b");
  private static final Pattern ABS_PATH =
      Pattern.compile("(?:[A-Za-z]:\\\\|file:/+|/)(?:[\\w.@+-]+[/\\\\])+[\\w.@+-]*");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)*");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private Fingerprint() {}

  public static String of(
      FailureKind kind, String file, String message, String test, String exceptionType) {
    String material;
    if (kind == FailureKind.TEST_FAILURE && test != null) {
      material =
          kind.wire() + "\u0000" + test + "\u0000" + (exceptionType == null ? "" : exceptionType);
    } else {
      material =
          kind.wire() + "\u0000" + (file == null ? "" : file) + "\u0000" + normalize(message);
    }
    return sha256(material).substring(0, 16);
  }

  /** The message with what varies between runs (paths, numbers, ids) replaced by placeholders. */
  public static String normalize(String message) {
    if (message == null) {
      return "";
    }
    String s = UUID.matcher(message).replaceAll("<uuid>");
    s = ABS_PATH.matcher(s).replaceAll("<path>");
    s = HEX.matcher(s).replaceAll("<hex>");
    s = NUMBER.matcher(s).replaceAll("#");
    return SPACE.matcher(s).replaceAll(" ").strip();
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
