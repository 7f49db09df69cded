package dev.selfheal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScanTest {
  @TempDir Path repo;

  static List<Failure> scanText(String text, Path repo) {
    return scanBytes(text.getBytes(StandardCharsets.UTF_8), repo);
  }

  static List<Failure> scanBytes(byte[] bytes, Path repo) {
    try {
      return Folding.fold(
          LogScan.scan(new ByteArrayInputStream(bytes), new PathResolver(new RepoFiles(repo)))
              .failures());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void binaryGarbageYieldsNothingAndDoesNotThrow() {
    byte[] junk = new byte[2_000_000];
    new Random(7).nextBytes(junk);
    assertThat(scanBytes(junk, repo)).isEmpty();
  }

  @Test
  void nonUtf8BytesAreReplacedNotFatal() {
    byte[] head =
        "[ERROR] /x/src/A.java:[3,1] cannot find symbol caf".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // Latin-1 é
    bytes[head.length + 1] = '\n';
    List<Failure> f = scanBytes(bytes, repo);
    assertThat(f)
        .singleElement()
        .satisfies(x -> assertThat(x.message()).startsWith("cannot find symbol caf"));
  }

  @Test
  void crlfAndBomAreTransparent() {
    String log =
        "\uFEFFsrc/a.ts(2,9): error TS2322: Type 'number' is not assignable to type 'string'.\r\n"
            + "src/a.ts(3,1): error TS2304: Cannot find name 'x'.\r\n";
    assertThat(scanText(log, repo))
        .extracting(Failure::file, Failure::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("src/a.ts", 2),
            org.assertj.core.groups.Tuple.tuple("src/a.ts", 3));
  }

  @Test
  void aLineOfManyMegabytesIsCutNotHeldWhole() {
    StringBuilder sb = new StringBuilder("src/a.ts(1,1): error TS1005: ';' expected.\n");
    sb.append("x".repeat(30_000_000)).append('\n');
    sb.append("src/b.ts(4,2): error TS2304: Cannot find name 'y'.\n");
    assertThat(scanText(sb.toString(), repo))
        .extracting(Failure::file)
        .containsExactly("src/a.ts", "src/b.ts");
  }

  @Test
  void unknownToolFallsBackToGenericFileLineError() {
    List<Failure> f =
        scanText("main.c:12:5: error: 'x' undeclared (first use in this function)\n", repo);
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(FailureKind.BUILD_ERROR);
              assertThat(x.file()).isEqualTo("main.c");
              assertThat(x.line()).isEqualTo(12);
              assertThat(x.column()).isEqualTo(5);
              assertThat(x.details().tool()).isEqualTo("generic");
            });
  }

  @Test
  void genericFallbackIsDroppedWhenASpecificParserFoundTheFailure() {
    String log =
        "src/a.ts(2,9): error TS2322: Type 'number' is not assignable to type 'string'.\n"
            + "main.c:12:5: error: 'x' undeclared\n";
    assertThat(scanText(log, repo))
        .extracting(Failure::kind)
        .containsExactly(FailureKind.COMPILE_ERROR);
  }
}
