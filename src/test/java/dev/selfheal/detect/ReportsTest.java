package dev.selfheal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.testing.Projects;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @TempDir Path repo;

  @Test
  void onlyNewOrChangedJunitDocumentsWhereverTheyAre() throws Exception {
    Projects.write(repo, "target/surefire-reports/TEST-old.xml", "<testsuite name=\"old\"/>");
    Projects.write(repo, "pom.xml", "<project/>");
    Map<Path, Reports.Stamp> before = Reports.snapshot(repo);
    Projects.write(
        repo,
        "results.xml",
        "<?xml version=\"1.0\"?>\n<!-- pytest -->\n<testsuites><testsuite/></testsuites>");
    Projects.write(repo, "build/test-results/test/TEST-a.B.xml", "<testsuite name=\"a.B\"/>");
    Projects.write(repo, "config/other.xml", "<configuration/>");
    assertThat(Reports.writtenSince(repo, before))
        .extracting(p -> repo.relativize(p).toString())
        .containsExactlyInAnyOrder("results.xml", "build/test-results/test/TEST-a.B.xml");
  }
}
