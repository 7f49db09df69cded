package dev.selfheal.model;

import java.util.List;
import java.util.Objects;

/** All fixes together as a unified diff; {@code linesChanged} counts added plus removed lines. */
public record Patch(int filesChanged, int linesChanged, String diff, List<String> files) {
  public Patch {
    Objects.requireNonNull(diff, "diff");
    files = List.copyOf(files);
    if (filesChanged != files.size()) {
      throw new IllegalArgumentException(
          "filesChanged " + filesChanged + " != files " + files.size());
    }
  }

  public static final Patch EMPTY = new Patch(0, 0, "", List.of());
}
