package dev.selfheal.fix;

import com.github.javaparser.JavaParser;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.model.Failure;
import dev.selfheal.vcs.BreakingChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a recipe may look at: the repository (in the workspace), the type indexes, and the change
 * that broke the build.
 */
public final class FixContext {
  private final Path repo;
  private final ProjectTypes projectTypes;
  private final JdkTypes jdkTypes;
  private final Map<String, String> pending;
  private final BreakingChange change;
  private ChangeAnalysis analysis;
  private List<Failure> open = List.of();
  private CommandRunner runner;
  private Path logs;
  private int release;
  private DependencyIndex dependencies;

  public FixContext(Path repo, JdkTypes jdkTypes) {
    this(repo, jdkTypes, BreakingChange.NONE);
  }

  public FixContext(Path repo, JdkTypes jdkTypes, BreakingChange change) {
    this(repo, jdkTypes, new ProjectTypes(repo), Map.of(), change);
  }

  private FixContext(
      Path repo,
      JdkTypes jdkTypes,
      ProjectTypes types,
      Map<String, String> pending,
      BreakingChange change) {
    this.repo = repo;
    this.projectTypes = types;
    this.jdkTypes = jdkTypes;
    this.pending = Map.copyOf(pending);
    this.change = change;
  }

  /**
   * The same context seeing files as other fixes of this round leave them, so a second fix to a
   * file is computed against the text it will really be applied to.
   */
  public FixContext withPending(Map<String, String> texts) {
    FixContext c = new FixContext(repo, jdkTypes, projectTypes, texts, change);
    c.analysis = analysis;
    c.open = open;
    c.runner = runner;
    c.logs = logs;
    c.release = release;
    c.dependencies = dependencies;
    c.localization = localization;
    return c;
  }

  /** Every failure still open in this round, for recipes that fix several at once. */
  public List<Failure> openFailures() {
    return open;
  }

  public FixContext withOpenFailures(List<Failure> failures) {
    this.open = List.copyOf(failures);
    return this;
  }

  /** Lets recipes run the project's own fixers (a formatter), logging to {@code logs}. */
  public FixContext withRunner(CommandRunner r, Path logFolder) {
    this.runner = r;
    this.logs = logFolder;
    return this;
  }

  /** The jars the build resolves, per module; resolved on first use, shared by a heal's rounds. */
  public FixContext withDependencies(DependencyIndex index) {
    this.dependencies = index;
    return this;
  }

  public synchronized DependencyIndex dependencies() {
    if (dependencies == null) {
      dependencies = DependencyIndex.none(repo);
    }
    return dependencies;
  }

  /** The runner for the project's own fixers; empty when this context may not run any. */
  public java.util.Optional<CommandRunner> runner() {
    return java.util.Optional.ofNullable(runner);
  }

  public Path logs() {
    return logs;
  }

  public Map<String, String> pending() {
    return pending;
  }

  public Path repo() {
    return repo;
  }

  public ProjectTypes projectTypes() {
    return projectTypes;
  }

  public JdkTypes jdkTypes() {
    return jdkTypes;
  }

  /** The change that broke the build (paths relative to the repository). */
  public BreakingChange change() {
    return change;
  }

  /** What the breaking change did to the project's declarations, analysed once. */
  public synchronized ChangeAnalysis analysis() {
    if (analysis == null) {
      analysis = ChangeAnalysis.of(change, release());
    }
    return analysis;
  }

  /** The Java release the project compiles at (see {@link JavaLanguage}), read once. */
  public synchronized int release() {
    if (release == 0) {
      release = JavaLanguage.release(repo);
    }
    return release;
  }

  /** A parser for the project's sources at its own language level. */
  public JavaParser parser() {
    return JavaLanguage.parser(release());
  }

  private dev.selfheal.localize.Localization localization;

  /** The fault localization made for these failures, for the model's prompt. */
  public FixContext withLocalization(dev.selfheal.localize.Localization l) {
    this.localization = l;
    return this;
  }

  public java.util.Optional<dev.selfheal.localize.Localization> localization() {
    return java.util.Optional.ofNullable(localization);
  }

  private final List<String> declined = new java.util.ArrayList<>();

  /**
   * A recipe that recognised the failure but will not fix it says why here (the expected value is
   * spelt in a way it cannot follow unambiguously, say): the heal reports it instead of "no recipe
   * fits".
   */
  public synchronized void decline(String why) {
    declined.add(why);
  }

  /** The reasons given so far, and forgotten. */
  public synchronized List<String> takeDeclines() {
    List<String> out = List.copyOf(declined);
    declined.clear();
    return out;
  }

  /** A file's text as an edit would see it (BOM dropped, line endings as they are). */
  public String read(String relativeFile) throws IOException {
    if (pending.containsKey(relativeFile)) {
      return pending.get(relativeFile);
    }
    try {
      return EditWriter.read(EditWriter.target(repo, relativeFile), relativeFile);
    } catch (EditWriter.EditRejected e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
