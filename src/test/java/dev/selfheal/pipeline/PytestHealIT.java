package dev.selfheal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.fix.RecipeRunner;
import dev.selfheal.fix.recipes.Recipes;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Status;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import dev.selfheal.testing.TestEnv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a real pytest project: detection from pytest's console, the flaky gate by node
 * id.
 */
class PytestHealIT {
  @TempDir Path repo;
  @TempDir Path state;
  @TempDir Path scratch;

  private HealPipeline.Result heal() throws Exception {
    return new HealPipeline(TestEnv.with(state), new RecipeRunner(Recipes.all()))
        .heal(
            new HealRequest(
                repo, "pytest", null, HealReport.DeliveryMode.DRY_RUN, null, null, true),
            Progress.silent());
  }

  @Test
  void aFlakyPytestTestIsRecognisedByItsNodeId() throws Exception {
    Path marker = scratch.resolve("marker");
    Projects.write(repo, "pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n");
    Projects.write(
        repo,
        "tests/test_net.py",
        """
        import os

        def test_sometimes():
            first = not os.path.exists(%s)
            open(%s, "w").close()
            assert not first, "first run fails"

        def test_always():
            assert 1 + 1 == 2
        """
            .formatted("'" + marker + "'", "'" + marker + "'"));
    GitRepos.commitAll(repo, "tests");
    HealPipeline.Result r = heal();
    assertThat(r.report().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FailureKind.TEST_FAILURE);
              assertThat(f.test()).isEqualTo("tests/test_net.py::test_sometimes");
            });
    assertThat(r.report().status()).isEqualTo(Status.FLAKY);
    assertThat(r.report().validation().flakyTests())
        .containsExactly("tests/test_net.py::test_sometimes");
  }

  @Test
  void aRealPytestFailureIsNotFlakyAndNoRecipeClaimsIt() throws Exception {
    Projects.write(repo, "pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n");
    Projects.write(repo, "calc.py", "def add(a, b):\n    return a - b\n");
    Projects.write(
        repo,
        "tests/test_calc.py",
        "from calc import add\n\ndef test_add():\n    assert add(2, 3) == 5\n");
    Projects.write(
        repo, "conftest.py", "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n");
    GitRepos.commitAll(repo, "calc");
    HealPipeline.Result r = heal();
    assertThat(r.report().status()).isEqualTo(Status.NOT_HEALED);
    assertThat(r.report().validation().flakyTests()).isEmpty();
    assertThat(r.report().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.test()).isEqualTo("tests/test_calc.py::test_add");
              assertThat(f.details().expected()).isEqualTo("5");
              assertThat(f.details().actual()).isEqualTo("-1");
            });
    assertThat(r.report().diagnoses())
        .singleElement()
        .satisfies(d -> assertThat(d.rootCause()).contains("expected 5 but got -1"));
  }
}
