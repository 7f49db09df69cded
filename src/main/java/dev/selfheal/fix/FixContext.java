package dev.selfheal.fix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** What a recipe may look at: the repository (in the workspace) and the type indexes. */
public final class FixContext {
  private final Path repo;
  private final ProjectTypes projectTypes;
  private final JdkTypes jdkTypes;
  private final Map<String, String> pending;

  public FixContext(Path repo, JdkTypes jdkTypes) {
    this(repo, jdkTypes, new ProjectTypes(repo), Map.of());
  }

  private FixContext(
      Path repo, JdkTypes jdkTypes, ProjectTypes types, Map<String, String> pending) {
    this.repo = repo;
    this.projectTypes = types;
    this.jdkTypes = jdkTypes;
    this.pending = Map.copyOf(pending);
  }

  /**
   * The same context seeing files as other fixes of this round leave them, so a second fix to a
   * file is computed against the text it will really be applied to.
   */
  public FixContext withPending(Map<String, String> texts) {
    return new FixContext(repo, jdkTypes, projectTypes, texts);
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

  /** A file's text as an edit would see it (BOM dropped, line endings as they are). */
  public String read(String relativeFile) throws IOException {
    if (pending.containsKey(relativeFile)) {
      return pending.get(relativeFile);
    }
    try {
      return EditWriter.read(repo.resolve(relativeFile), relativeFile);
    } catch (EditWriter.EditRejected e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
