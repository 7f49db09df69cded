package dev.selfheal.pipeline;

import dev.selfheal.guard.Violation;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which setting would have allowed a refused candidate: when every guardrail that refused it is a
 * limit the team sets (size, confidence, a model's build-file edit), the values that would let it
 * through, e.g. {@code safety.max_files_changed: 4}. Forbidden paths, test weakening and checks
 * switched off are never a matter of settings here, and give none.
 */
final class Refusals {
  private Refusals() {}

  static Optional<String> allowedBy(List<Violation> violations, Patch patch, List<Fix> fixes) {
    List<String> settings = new ArrayList<>();
    for (Violation v : violations) {
      switch (v.rule()) {
        case MAX_FILES_CHANGED ->
            add(settings, "safety.max_files_changed: " + patch.filesChanged());
        case MAX_LINES_CHANGED -> {
          if (v.detail().contains("characters")) {
            return Optional.empty(); // one huge line: no sensible limit allows it
          }
          add(settings, "safety.max_lines_changed: " + patch.linesChanged());
        }
        case CONFIDENCE -> {
          double lowest =
              fixes.stream().mapToDouble(f -> f.diagnosis().confidence()).min().orElse(1);
          add(
              settings,
              "safety.confidence_threshold: "
                  + String.format(Locale.ROOT, "%.2f", Math.floor(lowest * 100) / 100));
        }
        case BUILD_FILES -> add(settings, "safety.llm_may_edit_build_files: true");
        default -> {
          return Optional.empty();
        }
      }
    }
    return settings.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", settings));
  }

  private static void add(List<String> settings, String s) {
    if (!settings.contains(s)) {
      settings.add(s);
    }
  }
}
