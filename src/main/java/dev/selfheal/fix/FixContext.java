package dev.selfheal.fix;

import java.io.IOException;
import java.nio.file.Path;

/** What a recipe may look at: the repository (in the workspace) and the type indexes. */
public final class FixContext {
  private final Path repo;
  private final ProjectTypes projectTypes;
  private final JdkTypes jdkTypes;

  public FixContext(Path repo, JdkTypes jdkTypes) {
    this.repo = repo;
    this.projectTypes = new ProjectTypes(repo);
    this.jdkTypes = jdkTypes;
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
    try {
      return EditWriter.read(repo.resolve(relativeFile), relativeFile);
    } catch (EditWriter.EditRejected e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
