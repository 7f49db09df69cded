package dev.selfheal.deliver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The branch a fix is proposed on: {@code selfheal/<short hash of the sorted fingerprints>}, so the
 * same failures always map to the same branch and a re-run finds its own work.
 */
public final class FixBranch {
  public static final String PREFIX = "selfheal/";

  private FixBranch() {}

  public static String name(Collection<String> fingerprints) {
    if (fingerprints.isEmpty()) {
      throw new IllegalArgumentException("a fix branch needs at least one fingerprint");
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] h =
          sha.digest(
              String.join("\n", new TreeSet<>(fingerprints)).getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(h).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public static boolean isFixBranch(String branch) {
    return branch != null && branch.startsWith(PREFIX);
  }
}
