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

  private final Patch patch = new Patch(2, 2, "diff", List.of("a.txt", "b.txt"));

  @Test
  void appliesAllFilesWhenNoneChangedSinceTheRunBegan() throws Exception {
    Files.writeString(ws.resolve("a.txt"), "fixed a\n");
    Files.writeString(ws.resolve("b.txt"), "fixed b\n");
    Files.writeString(user.resolve("a.txt"), "a\n");
    Files.writeString(user.resolve("b.txt"), "b\r\n");
    Delivery.Outcome o =
        Delivery.deliver(
            Delivery.Mode.APPLY, ws, user, patch, f -> f.equals("a.txt") ? "a\n" : "b\n");
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
            Delivery.Mode.APPLY, ws, user, patch, f -> f.equals("a.txt") ? "a\n" : "b\n");
    assertThat(o.applied()).isFalse();
    assertThat(o.message()).contains("b.txt changed since the run began");
    assertThat(Files.readString(user.resolve("a.txt"))).isEqualTo("a\n");
  }

  @Test
  void dryRunWritesNothing() throws Exception {
    Files.writeString(user.resolve("a.txt"), "a\n");
    assertThat(Delivery.deliver(Delivery.Mode.DRY_RUN, ws, user, patch, f -> "a\n").applied())
        .isFalse();
    assertThat(Files.readString(user.resolve("a.txt"))).isEqualTo("a\n");
  }
}
