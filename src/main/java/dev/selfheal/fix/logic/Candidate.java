package dev.selfheal.fix.logic;

import dev.selfheal.localize.Suspect;
import java.util.List;
import java.util.Objects;

/**
 * One patch to try: a template's change at a suspicious line, the file's whole new text, and what
 * orders it — the line's suspiciousness, the template's prior and the patch's size in tokens.
 *
 * @param className the binary name of the file's top-level class (what the worker recompiles)
 * @param firstLine the first line of the original file the change touches
 * @param lastLine the last one
 */
public record Candidate(
    String file,
    String className,
    RepairTemplate template,
    Mutation mutation,
    String newText,
    Suspect suspect,
    int firstLine,
    int lastLine,
    int size,
    double score) {
  public Candidate {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(template, "template");
    if (size < 1) {
      throw new IllegalArgumentException("a candidate changes something");
    }
  }

  /** The original file's lines the change touches. */
  public List<Integer> lines() {
    return java.util.stream.IntStream.rangeClosed(firstLine, lastLine).boxed().toList();
  }

  /** {@code java/logic-repair:<template>} */
  public String strategy() {
    return LogicRepair.ID + ":" + template.id();
  }
}
