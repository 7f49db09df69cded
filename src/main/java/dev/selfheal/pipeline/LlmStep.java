package dev.selfheal.pipeline;

import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.LlmFixer;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The heal loop's escalation: asks the model when no recipe fits, and on the next round shows it
 * the edits it proposed last and why validation rejected them.
 */
final class LlmStep {
  /** What the loop takes from one ask: a fix, or why there is none (and a notice to report). */
  record Answer(Optional<Fix> fix, String problem, String notice) {}

  private final LlmFixer fixer;
  private final Progress progress;
  private String lastEdits;
  final List<Diagnosis> diagnoses = new ArrayList<>();

  LlmStep(LlmFixer fixer, Progress progress) {
    this.fixer = fixer;
    this.progress = progress;
  }

  Answer ask(
      List<Failure> open,
      Set<String> tried,
      FixContext ctx,
      String lastProblem,
      Function<Fix, String> signature) {
    String previous = lastEdits == null ? null : lastEdits + "\nRejected: " + lastProblem;
    progress.start("llm", "no recipe fits; asking the model");
    LlmFixer.Result r = fixer.propose(open, ctx, previous);
    if (r instanceof LlmFixer.Result.Proposed p && !tried.contains(signature.apply(p.fix()))) {
      StringBuilder edits = new StringBuilder("Your previous edits:\n");
      for (var e : p.fix().edits()) {
        edits.append(e.file()).append(": ").append(e.oldText()).append(" -> ");
        edits.append(e.newText()).append('\n');
      }
      lastEdits = edits.toString();
      progress.done(
          "llm",
          "proposed " + p.fix().edits().size() + " edit(s): " + p.fix().diagnosis().rootCause());
      return new Answer(Optional.of(p.fix()), null, null);
    }
    if (r instanceof LlmFixer.Result.DiagnosedOnly d) {
      diagnoses.add(d.diagnosis());
      progress.done("llm", "diagnosed only: " + d.diagnosis().rootCause());
      return new Answer(
          Optional.empty(),
          "the LLM tier diagnosed but may not propose edits (llm.send_source: false)",
          "LLM diagnosis (llm.send_source is false, so no edits were asked for): "
              + d.diagnosis().rootCause());
    }
    String why =
        r instanceof LlmFixer.Result.Failed fl
            ? fl.reason()
            : "the model proposed the same fix again";
    progress.done("llm", why);
    return new Answer(Optional.empty(), why, why);
  }
}
