package dev.selfheal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRedactionTest {
  private final Redactor r = new Redactor(Map.of("CI_TOKEN", "s3cr3t-value-123"));

  private String run(byte[] in) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamRedaction.copy(new ByteArrayInputStream(in), out, r);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aKeyBlockOverManyLinesIsRedactedWholeAndLinesKeepTheirCount() throws Exception {
    String log =
        "[INFO] start\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyu\n"
            + "QyNTUxOQAAACDd3OLyvGDKkE3q\n-----END RSA PRIVATE KEY-----\n[INFO] env s3cr3t-value-123\n";
    String out = run(log.getBytes(StandardCharsets.UTF_8));
    assertThat(out).doesNotContain("MIIEow").doesNotContain("QyNTUxOQ").doesNotContain("s3cr3t");
    assertThat(out.lines().count()).isEqualTo(log.lines().count());
    assertThat(out).startsWith("[INFO] start\n");
  }

  @Test
  void aSecretInAVeryLongLineIsFoundAndTheRestCopiedAsIs() throws Exception {
    String filler = "x ".repeat(StreamRedaction.MAX_UNIT);
    String line = filler + "token ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8 " + filler + "\n";
    String out = run(line.getBytes(StandardCharsets.UTF_8));
    assertThat(out).doesNotContain("A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8");
    assertThat(out.length()).isBetween(line.length() - 60, line.length());
  }

  @Test
  void linesWithNothingToRedactKeepTheirBytesEvenWhenNotUtf8() throws Exception {
    byte[] latin1 = "caf\u00e9 au lait\nsecond line\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(run(latin1).getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(latin1);
  }
}
