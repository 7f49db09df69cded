package dev.selfheal.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** GitHub Actions' job summary ({@code GITHUB_STEP_SUMMARY}): appended to, redacted, when set. */
final class StepSummary {
  private StepSummary() {}

  static void append(Environment env, String markdown) {
    String file = env.env().get("GITHUB_STEP_SUMMARY");
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      Files.writeString(
          Path.of(file),
          env.redactor().redact(markdown) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // The summary is a courtesy; the report and the PR carry the same.
    }
  }

  /** One line for any heal that did not open a PR. */
  static void append(Environment env, HealReport r) {
    append(env, "### selfheal: `" + r.status().wire() + "`\n\n" + r.message() + "\n");
  }
}
