package dev.selfheal.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.selfheal.llm.Answers;
import dev.selfheal.llm.LlmException;
import dev.selfheal.llm.LlmSession;
import dev.selfheal.llm.Prompts;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import dev.selfheal.model.RepoPath;
import dev.selfheal.model.StackFrame;
import dev.selfheal.vcs.BreakingChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The escalation tier: for failures no recipe fits, a diagnosis call, then a fix call whose edits
 * must each identify exactly one place in an existing file of the repository (exactly, else once
 * ignoring whitespace); edits that do not are sent back once with the reason. Its fixes go through
 * the same guardrails and validation as every recipe's.
 */
public final class LlmFixer {
  private static final int MAX_FILES = 8;

  /** What the tier came back with. */
  public sealed interface Result {
    record Proposed(Fix fix) implements Result {}

    /** {@code llm.send_source: false}: a diagnosis, no edits. */
    record DiagnosedOnly(Diagnosis diagnosis) implements Result {}

    record Failed(String reason) implements Result {}
  }

  /** Largest file text that is diffed for the prompt; a larger one is named, not diffed. */
  static final int MAX_DIFFED_CHARS = 400_000;

  private final LlmSession session;
  private final boolean sendSource;
  private final Predicate<String> withheld;

  public LlmFixer(LlmSession session, boolean sendSource) {
    this(session, sendSource, f -> false);
  }

  /**
   * @param withheld paths whose contents never leave (the guard's forbidden paths: {@code .env*},
   *     {@code secrets/**}), not even inside the breaking change's diff
   */
  public LlmFixer(LlmSession session, boolean sendSource, Predicate<String> withheld) {
    this.session = session;
    this.sendSource = sendSource;
    this.withheld = withheld;
  }

  /**
   * @param previous the last attempt's edits and why validation rejected them, or null
   */
  public Result propose(List<Failure> failures, FixContext ctx, String previous) {
    Prompts.Context context;
    try {
      context = context(failures, ctx, previous);
    } catch (IOException e) {
      return new Result.Failed("could not read the files for the model: " + e.getMessage());
    }
    Answers.DiagnosisAnswer d;
    try {
      d = session.diagnose(context);
    } catch (LlmException | Answers.Invalid e) {
      return new Result.Failed("LLM diagnosis: " + e.getMessage());
    }
    Diagnosis diagnosis = diagnosis(d, failures);
    if (!sendSource) {
      return new Result.DiagnosedOnly(diagnosis);
    }
    String rejection = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      Prompts.Context c =
          rejection == null
              ? context
              : new Prompts.Context(
                  context.failures(),
                  context.files(),
                  context.change(),
                  context.buildFile(),
                  join(previous, "The edits you proposed could not be applied: " + rejection));
      List<Answers.EditAnswer> answer;
      try {
        answer = session.fix(c, d);
      } catch (LlmException | Answers.Invalid e) {
        return new Result.Failed("LLM fix: " + e.getMessage());
      }
      List<String> problems = new ArrayList<>();
      List<Edit> edits = edits(answer, ctx, problems);
      if (problems.isEmpty()) {
        List<String> fps = failures.stream().map(Failure::fingerprint).distinct().toList();
        return new Result.Proposed(new Fix(fps, diagnosis, "llm:" + session.model(), edits));
      }
      rejection = String.join("; ", problems);
    }
    return new Result.Failed("the model's edits could not be applied: " + rejection);
  }

  /**
   * A path no edit may take: not canonical, inside {@code .git}, or through a link. Such an edit is
   * an attack or a confusion, and is left for the guardrails to refuse, never "corrected".
   */
  private static boolean unsafe(Path repo, String file) {
    if (RepoPath.problem(file).isPresent() || RepoPath.isGitInternal(file)) {
      return true;
    }
    try {
      RepoPath.inside(repo, file);
      return false;
    } catch (RepoPath.Refused r) {
      return true;
    }
  }

  /** A regular file reached inside the repository without following a link. */
  private static boolean readable(Path repo, String file) {
    if (RepoPath.problem(file).isPresent()) {
      return false;
    }
    try {
      return Files.isRegularFile(RepoPath.inside(repo, file), LinkOption.NOFOLLOW_LINKS);
    } catch (RepoPath.Refused r) {
      return false;
    }
  }

  private static String join(String a, String b) {
    return a == null || a.isBlank() ? b : a + "\n" + b;
  }

  /** Checked edits; what is wrong with the others goes to {@code problems}. */
  private static List<Edit> edits(
      List<Answers.EditAnswer> answer, FixContext ctx, List<String> problems) {
    List<Edit> out = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (Answers.EditAnswer a : answer) {
      String file = a.file();
      if (a.touchesPlaceholder()) {
        problems.add(
            file + ": the edit contains a redacted placeholder; a secret is never written");
        continue;
      }
      if (unsafe(ctx.repo(), file)) {
        // Not asked again: the guardrails refuse it as it stands, and the heal says so.
        try {
          out.add(new Edit(file, a.oldText(), a.newText()));
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage());
        }
        continue;
      }
      if (!readable(ctx.repo(), file)) {
        problems.add(file + ": no such file in the repository (paths are relative to its root)");
        continue;
      }
      if (a.oldText().equals(a.newText())) {
        problems.add(file + ": old_text and new_text are the same");
        continue;
      }
      try {
        String current = texts.containsKey(file) ? texts.get(file) : ctx.read(file);
        Edit e = new Edit(file, a.oldText(), a.newText());
        Edit.Applied r = e.applyTo(current);
        if (r instanceof Edit.Applied.NotFound nf) {
          problems.add(nf.reason());
        } else if (r instanceof Edit.Applied.Changed ch) {
          texts.put(file, ch.text());
          out.add(e);
        }
      } catch (IOException e) {
        problems.add(file + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static Diagnosis diagnosis(Answers.DiagnosisAnswer d, List<Failure> failures) {
    Category category = Category.of(failures.get(0).kind());
    for (Category c : Category.values()) {
      if (c.wire().equals(d.failureType().strip().toLowerCase(Locale.ROOT))) {
        category = c;
      }
    }
    return new Diagnosis(
        d.rootCause(),
        category,
        d.affectedFiles(),
        d.confidence(),
        d.reasoning().isBlank() ? d.rootCause() : d.reasoning(),
        DiagnosisSource.LLM);
  }

  private Prompts.Context context(List<Failure> failures, FixContext ctx, String previous)
      throws IOException {
    StringBuilder f = new StringBuilder();
    Set<String> seen = new LinkedHashSet<>();
    Set<String> files = new LinkedHashSet<>();
    for (Failure x : failures) {
      if (!seen.add(x.fingerprint())) {
        continue;
      }
      f.append("- ").append(x.kind().name().toLowerCase(Locale.ROOT));
      if (x.file() != null) {
        f.append(" at ").append(x.file()).append(x.line() == null ? "" : ":" + x.line());
        files.add(x.file());
      }
      if (x.test() != null) {
        f.append(" in test ").append(x.test());
      }
      f.append(": ").append(x.message()).append('\n');
      if (x.details().expected() != null) {
        f.append("  expected: ")
            .append(x.details().expected())
            .append("\n  actual: ")
            .append(x.details().actual())
            .append('\n');
      }
      for (StackFrame s : x.details().frames()) {
        f.append("  at ")
            .append(s.method())
            .append(" (")
            .append(s.file())
            .append(':')
            .append(s.line())
            .append(")\n");
        files.add(s.file());
      }
      if (x.excerpt() != null && !x.excerpt().isBlank()) {
        f.append("  log:\n").append(indent(x.excerpt())).append('\n');
      }
    }
    Map<String, String> sources = new LinkedHashMap<>();
    String change = "";
    String build = "";
    String suspects = "";
    if (sendSource && ctx.localization().isPresent()) {
      SuspectMethods.Shown shown = SuspectMethods.of(ctx.localization().get(), ctx, withheld);
      suspects = shown.text();
      Set<String> first = new LinkedHashSet<>(shown.files());
      first.addAll(files);
      files = first;
    }
    if (sendSource) {
      for (BreakingChange.FileChange c : ctx.change().files()) {
        if (c.after() != null && c.path().endsWith(".java")) {
          files.add(c.path());
        }
      }
      for (String file : files) {
        if (sources.size() >= MAX_FILES) {
          break;
        }
        if (readable(ctx.repo(), file) && !withheld.test(file)) {
          sources.put(file, numbered(ctx.read(file)));
        }
      }
      change = diff(ctx.change());
      if (Files.isRegularFile(ctx.repo().resolve("pom.xml"))) {
        build = ctx.read("pom.xml");
      }
    }
    return new Prompts.Context(
        relative(f.toString(), ctx.repo()), sources, change, build, previous, suspects);
  }

  /**
   * The failures with the workspace's own folder taken out of the paths logs print: the model reads
   * repository-relative paths everywhere, and the prompt does not change with the folder a heal
   * happened to run in (which would defeat recorded replies).
   */
  static String relative(String text, Path repo) {
    String out = text;
    java.util.Set<String> roots = new java.util.LinkedHashSet<>();
    roots.add(repo.toAbsolutePath().normalize().toString());
    try {
      roots.add(repo.toRealPath().toString());
    } catch (IOException e) {
      // the path as given is all there is to take out
    }
    for (String root : roots) {
      out =
          out.replace(root + "/", "")
              .replaceAll(java.util.regex.Pattern.quote(root) + "(?![\\w.-])", ".");
    }
    return out;
  }

  private static String numbered(String text) {
    // Line numbers let the model match the log; old_text must still be copied without them.
    StringBuilder sb = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      sb.append(String.format(Locale.ROOT, "%4d| ", i + 1)).append(lines[i]).append('\n');
    }
    return sb.toString();
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }

  private static String indent(String s) {
    return "    " + s.strip().replace("\n", "\n    ");
  }

  /**
   * The change as a diff, within the prompt's budget before any diffing is done: a file over {@link
   * #MAX_DIFFED_CHARS} is named with its size, and a forbidden file with nothing of its content.
   */
  private String diff(BreakingChange change) {
    StringBuilder sb = new StringBuilder();
    for (String m : change.messages()) {
      sb.append("commit: ").append(m.lines().findFirst().orElse("")).append('\n');
    }
    int budget = Prompts.BUDGET_CHARS;
    for (BreakingChange.FileChange c : change.files()) {
      if (withheld.test(c.path())) {
        sb.append("(").append(c.path()).append(" changed; a forbidden path: content withheld)\n");
        continue;
      }
      long size = Math.max(length(c.before()), length(c.after()));
      if (c.large() || size > MAX_DIFFED_CHARS || sb.length() + size / 4 > budget) {
        sb.append("(")
            .append(c.path())
            .append(" changed; too large to diff within the prompt's budget)\n");
        continue;
      }
      List<String> before = c.before() == null ? List.of() : List.of(c.before().split("\n", -1));
      List<String> after = c.after() == null ? List.of() : List.of(c.after().split("\n", -1));
      List<String> unified =
          UnifiedDiffUtils.generateUnifiedDiff(
              "a/" + c.path(), "b/" + c.path(), before, DiffUtils.diff(before, after), 3);
      unified.forEach(l -> sb.append(l).append('\n'));
    }
    return sb.toString();
  }
}
