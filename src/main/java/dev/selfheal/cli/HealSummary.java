package dev.selfheal.cli;

import dev.selfheal.model.Fix;
import dev.selfheal.model.Status;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import java.io.PrintStream;

/**
 * The human ending of a heal: the diagnosis, the evidence, the status on stderr; the patch on
 * stdout.
 */
final class HealSummary {
  private HealSummary() {}

  static void print(HealPipeline.Result r, Environment env, PrintStream out, PrintStream err) {
    print(r, env, out, err, true, true);
  }

  /**
   * @param patchOnStdout print the validated patch on stdout (not when stdout carries the JSON
   *     report, or for a demo whose run folder is gone)
   */
  static void print(
      HealPipeline.Result r,
      Environment env,
      PrintStream out,
      PrintStream err,
      boolean patchOnStdout,
      boolean showRecord) {
    HealReport rep = r.report();
    for (Fix f : rep.fixes()) {
      err.println();
      err.println("root cause  " + f.diagnosis().rootCause());
      err.println(
          "category    "
              + f.diagnosis().failureType().wire()
              + ", confidence "
              + f.diagnosis().confidence()
              + ", by "
              + f.strategy());
      err.println("reasoning   " + f.diagnosis().reasoning());
    }
    if (rep.fixes().isEmpty() && !rep.diagnoses().isEmpty()) {
      err.println();
      rep.diagnoses()
          .forEach(
              d -> err.println("diagnosis   " + d.failureType().wire() + ": " + d.rootCause()));
    }
    rep.guardrails()
        .violations()
        .forEach(v -> err.println("refused     " + v.rule().wire() + ": " + v.detail()));
    HealReport.Validation v = rep.validation();
    if (v.targeted() != null) {
      err.println(
          "evidence    targeted: "
              + v.targeted().executed()
              + "/"
              + v.targeted().tests().size()
              + " failing test(s) executed, "
              + (v.targeted().passed() ? "all pass" : "not all pass"));
    }
    if (v.full() != null) {
      err.println(
          "evidence    full: "
              + (v.full().passed() ? "passes" : "fails")
              + ", "
              + v.full().testsRun()
              + " tests ran, "
              + v.full().newlyFailing().size()
              + " newly failing");
    }
    if (!v.flakyTests().isEmpty()) {
      err.println("flaky       " + String.join(", ", v.flakyTests()));
    }
    rep.preExisting()
        .forEach(
            p ->
                err.println("not the fix " + p.test() + " (" + p.reason().replace('_', '-') + ")"));
    if (rep.llm().calls() > 0) {
      err.println(
          String.format(
              java.util.Locale.ROOT,
              "llm         %s %s: %d call(s), %d tokens in, %d out, $%.4f",
              rep.llm().provider(),
              rep.llm().model(),
              rep.llm().calls(),
              rep.llm().inputTokens(),
              rep.llm().outputTokens(),
              rep.llm().costUsd()));
    }
    rep.notices().forEach(n -> err.println("notice      " + n));
    err.println();
    err.println("status      " + rep.status().wire() + " — " + rep.message());
    if (rep.delivery().prUrl() != null) {
      err.println("pull request " + rep.delivery().prUrl() + " (" + rep.delivery().branch() + ")");
    }
    if (showRecord) {
      err.println("record      " + r.run().path());
    }
    if (!patchOnStdout) {
      return;
    }
    if (rep.status() == Status.HEALED && !r.patch().diff().isEmpty() && !rep.delivery().applied()
        || rep.status() == Status.NOT_HEALED
            && rep.delivery().mode() == HealReport.DeliveryMode.APPLY
            && !r.patch().diff().isEmpty()) {
      out.print(env.redactor().redact(r.patch().diff()));
    }
  }
}
