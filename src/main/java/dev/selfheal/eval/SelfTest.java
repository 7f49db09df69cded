package dev.selfheal.eval;

import dev.selfheal.breakage.Expectation;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.ScratchRepo;
import dev.selfheal.pipeline.UsageException;
import dev.selfheal.pipeline.Warmup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Proves a golden case is what it says before it is used to score anything: its base passes, its
 * broken commit fails as declared (a CI-only failure passes here; a flaky one fails once, then
 * passes), and its expected fix passes.
 */
public final class SelfTest {
  private SelfTest() {}

  public record Verdict(String id, boolean ok, String problem) {}

  public static Verdict check(GoldenCase c, Path dir, Environment env) {
    try {
      Path repo = CaseRunner.materialize(c, dir);
      String cmd = c.command();
      Path logs = dir.resolve("logs");
      boolean broken = !Warmup.passes(env, repo, cmd, logs.resolve("broken.log"));
      switch (c.expected()) {
        case NOT_REPRODUCED -> {
          return broken
              ? new Verdict(c.id(), false, "it fails here, so a CI-only failure is not what it is")
              : new Verdict(c.id(), true, null);
        }
        case FLAKY -> {
          boolean second = Warmup.passes(env, repo, cmd, logs.resolve("again.log"));
          return broken && second
              ? new Verdict(c.id(), true, null)
              : new Verdict(
                  c.id(),
                  false,
                  "a flaky case fails once, then passes (failed: "
                      + broken
                      + ", then passed: "
                      + second
                      + ")");
        }
        default -> {
          if (!broken) {
            return new Verdict(
                c.id(), false, "the broken commit passes: the case does not break anything");
          }
        }
      }
      Map<String, String> fix = expectedFix(c);
      if (fix.isEmpty()) {
        return new Verdict(
            c.id(), true, null); // no fix is right for it: failing is the whole claim
      }
      ScratchRepo.commitFiles(repo, fix, Set.of(), "the expected fix");
      return Warmup.passes(env, repo, cmd, logs.resolve("fixed.log"))
          ? new Verdict(c.id(), true, null)
          : new Verdict(
              c.id(), false, "the expected fix does not pass (" + logs.resolve("fixed.log") + ")");
    } catch (IOException | UsageException | RuntimeException e) {
      return new Verdict(c.id(), false, "could not check it: " + e.getMessage());
    }
  }

  /** The files of a correct fix, when the case knows them exactly. */
  static Map<String, String> expectedFix(GoldenCase c) throws IOException {
    if (c.source() instanceof GoldenCase.Handwritten h) {
      return h.fix() == null ? Map.of() : CaseRunner.files(h.fix());
    }
    GoldenCase.Generated g = (GoldenCase.Generated) c.source();
    if (g.breakage().expected() instanceof Expectation.Restore r) {
      return r.texts();
    }
    return g.breakage().expected() instanceof Expectation.Files f ? f.texts() : Map.of();
  }
}
