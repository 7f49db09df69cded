package dev.selfheal.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfheal.model.Edit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditWriterTest {
  @TempDir Path root;

  @Test
  void bomAndCrlfAreKeptAndOnlyTheEditedLinesChange() throws Exception {
    byte[] before = "\uFEFFa\r\nb\r\nc\r\n".getBytes(StandardCharsets.UTF_8);
    Files.write(root.resolve("f.txt"), before);
    EditWriter.apply(root, List.of(new Edit("f.txt", "b", "b\nb2")));
    assertThat(Files.readAllBytes(root.resolve("f.txt")))
        .isEqualTo("\uFEFFa\r\nb\r\nb2\r\nc\r\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void allOrNothing() throws Exception {
    Files.writeString(root.resolve("a.txt"), "one\n");
    Files.writeString(root.resolve("b.txt"), "two\n");
    assertThatThrownBy(
            () ->
                EditWriter.apply(
                    root, List.of(new Edit("a.txt", "one", "1"), new Edit("b.txt", "zzz", "2"))))
        .isInstanceOf(EditWriter.EditRejected.class)
        .hasMessageContaining("b.txt");
    assertThat(Files.readString(root.resolve("a.txt"))).isEqualTo("one\n");
  }

  @Test
  void ambiguousAndMissingOldTextAreRejectedWithAUsableMessage() throws Exception {
    Files.writeString(root.resolve("a.txt"), "x = 1;\nx = 1;\n");
    assertThatThrownBy(() -> EditWriter.apply(root, List.of(new Edit("a.txt", "x = 1;", "x = 2;"))))
        .hasMessageContaining("more than once");
    assertThatThrownBy(() -> EditWriter.apply(root, List.of(new Edit("a.txt", "y = 1;", "y = 2;"))))
        .hasMessageContaining("not in the file");
    assertThatThrownBy(() -> EditWriter.apply(root, List.of(new Edit("../escape.txt", "a", "b"))))
        .hasMessageContaining("'..' segment");
  }

  @Test
  void nothingIsWrittenThroughASymlinkOrIntoGit(@TempDir Path outside) throws Exception {
    Files.writeString(outside.resolve("victim.txt"), "keep me\n");
    Files.createSymbolicLink(root.resolve("linked"), outside);
    Files.createSymbolicLink(root.resolve("direct.txt"), outside.resolve("victim.txt"));
    Files.writeString(root.resolve(".git"), "gitdir: /somewhere/.git/worktrees/x\n");
    for (Edit e :
        List.of(
            new Edit("linked/victim.txt", "keep me", "pwned"),
            new Edit("direct.txt", "keep me", "pwned"),
            new Edit(".git", "gitdir: /somewhere", "gitdir: /user"),
            new Edit(".//linked/victim.txt", "keep me", "pwned"),
            new Edit("a\u0000b", "keep me", "pwned"))) {
      assertThatThrownBy(() -> EditWriter.apply(root, List.of(e)))
          .as(e.file())
          .isInstanceOf(EditWriter.EditRejected.class);
    }
    assertThat(Files.readString(outside.resolve("victim.txt"))).isEqualTo("keep me\n");
    assertThat(Files.readString(root.resolve(".git"))).startsWith("gitdir: /somewhere");
  }

  @Test
  void writeChecksThePathAgainAndDoesNotFollowAFolderSwappedForALink(@TempDir Path outside)
      throws Exception {
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/a.txt"), "one\n");
    Files.writeString(outside.resolve("a.txt"), "one\n");
    var texts = EditWriter.preview(root, List.of(new Edit("src/a.txt", "one", "two")));
    Files.delete(root.resolve("src/a.txt"));
    Files.delete(root.resolve("src"));
    Files.createSymbolicLink(root.resolve("src"), outside);
    assertThatThrownBy(() -> EditWriter.write(root, texts))
        .isInstanceOf(EditWriter.EditRejected.class)
        .hasMessageContaining("symbolic link");
    assertThat(Files.readString(outside.resolve("a.txt"))).isEqualTo("one\n");
  }

  @Test
  void whitespaceTolerantMatchWhenUnique() throws Exception {
    Files.writeString(root.resolve("a.java"), "int total(){\n    return  a+b;\n}\n");
    EditWriter.apply(root, List.of(new Edit("a.java", "return a+b;", "return a + b;")));
    assertThat(Files.readString(root.resolve("a.java")))
        .isEqualTo("int total(){\n    return a + b;\n}\n");
  }

  @Test
  void nonUtf8FilesAreNotRewritten() throws Exception {
    Files.write(root.resolve("l.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> EditWriter.apply(root, List.of(new Edit("l.txt", "caf", "cafe"))))
        .hasMessageContaining("not UTF-8");
  }
}
