package dev.selfheal.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Patch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTest {
  @TempDir Path ws;
  @TempDir Path user;
  @TempDir Path stage;

  private final Patch patch = new Patch(2, 2, "diff", List.of("a.txt", "b.txt"));

  @Test
  void appliesAllFilesWhenNoneChangedSinceTheRunBegan() throws Exception {
    Files.writeString(ws.resolve("a.txt"), "fixed a\n");
    Files.writeString(ws.resolve("b.txt"), "fixed b\n");
    Files.writeString(user.resolve("a.txt"), "a\n");
    Files.writeString(user.resolve("b.txt"), "b\r\n");
    Delivery.Outcome o =
        Delivery.deliver(
            Delivery.Mode.APPLY, ws, user, patch, f -> f.equals("a.txt") ? "a\n" : "b\n", stage);
    assertThat(o.applied()).isTrue();
    assertThat(Files.readString(user.resolve("a.txt"))).isEqualTo("fixed a\n");
    assertThat(Files.readString(user.resolve("b.txt"))).isEqualTo("fixed b\n");
  }

  @Test
  void refusesWholeWhenAnyFileChangedMeanwhile() throws Exception {
    Files.writeString(ws.resolve("a.txt"), "fixed a\n");
    Files.writeString(ws.resolve("b.txt"), "fixed b\n");
    Files.writeString(user.resolve("a.txt"), "a\n");
    Files.writeString(user.resolve("b.txt"), "b edited by the user while selfheal ran\n");
    Delivery.Outcome o =
        Delivery.deliver(
            Delivery.Mode.APPLY, ws, user, patch, f -> f.equals("a.txt") ? "a\n" : "b\n", stage);
    assertThat(o.applied()).isFalse();
    assertThat(o.message()).contains("b.txt changed since the run began");
    assertThat(Files.readString(user.resolve("a.txt"))).isEqualTo("a\n");
  }

  @Test
  void nothingIsWrittenThroughALinkInTheUsersTree(@TempDir Path outside) throws Exception {
    Files.createDirectories(ws.resolve("conf"));
    Files.writeString(ws.resolve("conf/a.txt"), "fixed\n");
    Files.writeString(outside.resolve("a.txt"), "a\n");
    Files.createSymbolicLink(user.resolve("conf"), outside);
    Delivery.Outcome o =
        Delivery.deliver(
            Delivery.Mode.APPLY,
            ws,
            user,
            new Patch(1, 1, "diff", List.of("conf/a.txt")),
            f -> "a\n",
            stage);
    assertThat(o.applied()).isFalse();
    assertThat(o.message()).contains("symbolic link");
    assertThat(Files.readString(outside.resolve("a.txt"))).isEqualTo("a\n");
  }

  @Test
  void theStagedFilesStayOutsideTheTreeAndAreGoneAfterwards() throws Exception {
    Files.writeString(ws.resolve("a.txt"), "fixed a\n");
    Files.writeString(ws.resolve("b.txt"), "fixed b\n");
    Files.writeString(user.resolve("a.txt"), "a\n");
    Files.writeString(user.resolve("b.txt"), "b\n");
    Files.setPosixFilePermissions(
        user.resolve("b.txt"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
    assertThat(
            Delivery.deliver(
                    Delivery.Mode.APPLY,
                    ws,
                    user,
                    patch,
                    f -> f.equals("a.txt") ? "a\n" : "b\n",
                    stage)
                .applied())
        .isTrue();
    try (var files = Files.list(user)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a.txt", "b.txt");
    }
    try (var files = Files.walk(stage)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(user.resolve("b.txt"))))
        .isEqualTo("rwxr-x---");
  }

  @Test
  void whenStagingFailsNothingInTheTreeChanges() throws Exception {
    Files.writeString(ws.resolve("a.txt"), "fixed a\n");
    Files.writeString(ws.resolve("b.txt"), "fixed b\n");
    Files.writeString(user.resolve("a.txt"), "a\n");
    Files.writeString(user.resolve("b.txt"), "b\n");
    Path notAFolder = stage.resolve("file");
    Files.writeString(notAFolder, "x");
    Delivery.Outcome o =
        Delivery.deliver(
            Delivery.Mode.APPLY,
            ws,
            user,
            patch,
            f -> f.equals("a.txt") ? "a\n" : "b\n",
            notAFolder);
    assertThat(o.applied()).isFalse();
    assertThat(o.message()).contains("nothing was written");
    assertThat(Files.readString(user.resolve("a.txt"))).isEqualTo("a\n");
    assertThat(Files.readString(user.resolve("b.txt"))).isEqualTo("b\n");
  }

  @Test
  void dryRunWritesNothing() throws Exception {
    Files.writeString(user.resolve("a.txt"), "a\n");
    assertThat(
            Delivery.deliver(Delivery.Mode.DRY_RUN, ws, user, patch, f -> "a\n", stage).applied())
        .isFalse();
    assertThat(Files.readString(user.resolve("a.txt"))).isEqualTo("a\n");
  }
}
