package dev.selfheal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path repo;

  @Test
  void noFileMeansTheDefaults() throws Exception {
    SelfhealConfig c = ConfigLoader.load(repo, null);
    assertThat(c).isEqualTo(SelfhealConfig.defaults());
    assertThat(c.safety().maxFilesChanged()).isEqualTo(3);
    assertThat(c.safety().maxLinesChanged()).isEqualTo(50);
    assertThat(c.safety().confidenceThreshold()).isEqualTo(0.7);
    assertThat(c.delivery().labels()).containsExactly("auto-heal");
    assertThat(c.llm().provider()).isEqualTo(LlmProvider.AUTO);
    assertThat(c.timeouts().commandSeconds()).isEqualTo(900);
  }

  @Test
  void everyKeyRead() throws Exception {
    SelfhealConfig c =
        ConfigLoader.parse(
            """
        command: make check
        targeted_command: make test TESTS={tests}
        safety:
          max_files_changed: 5
          max_lines_changed: 80
          forbidden_paths: ["**/generated/**"]
          max_retries: 1
          confidence_threshold: 0.85
          llm_may_edit_build_files: true
          require_test_pass: true
        delivery:
          labels: [auto-heal, bot]
          reviewers: [alice]
          max_attempts_per_fingerprint: 2
          cooldown_minutes: 30
        llm:
          provider: openai
          model: qwen2.5-coder
          max_output_tokens: 8000
          max_cost_usd_per_heal: 0.5
          send_source: false
        timeouts:
          command_seconds: 120
        """,
            ".selfheal.yml");
    assertThat(c.command()).isEqualTo("make check");
    assertThat(c.targetedCommand()).isEqualTo("make test TESTS={tests}");
    assertThat(c.safety().maxFilesChanged()).isEqualTo(5);
    assertThat(c.safety().confidenceThreshold()).isEqualTo(0.85);
    assertThat(c.delivery().reviewers()).containsExactly("alice");
    assertThat(c.llm().provider()).isEqualTo(LlmProvider.OPENAI);
    assertThat(c.llm().sendSource()).isFalse();
    assertThat(c.timeouts().commandSeconds()).isEqualTo(120);
  }

  @Test
  void theLogicTierIsConfigured() throws Exception {
    SelfhealConfig c =
        ConfigLoader.parse(
            "repair:\n  logic: false\n  budget_seconds: 30\n  max_candidates: 40\n", "f");
    assertThat(c.repair()).isEqualTo(new SelfhealConfig.Repair(false, 30, 40));
    assertThat(SelfhealConfig.defaults().repair()).isEqualTo(SelfhealConfig.Repair.DEFAULTS);
    assertThat(SelfhealConfig.Repair.DEFAULTS.budget().toSeconds()).isEqualTo(120);
    assertThatThrownBy(() -> ConfigLoader.parse("repair:\n  budget_seconds: 0\n", ".selfheal.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(".selfheal.yml:2")
        .hasMessageContaining("`repair.budget_seconds`");
    assertThatThrownBy(() -> ConfigLoader.parse("repair:\n  logik: false\n", ".selfheal.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("did you mean `logic`");
  }

  @Test
  void userForbiddenPathsAddToTheDefaultsAndTheAlwaysForbidden() throws Exception {
    SelfhealConfig c = ConfigLoader.parse("safety:\n  forbidden_paths: ['**/generated/**']\n", "f");
    assertThat(c.safety().isForbidden("src/generated/A.java")).isTrue();
    assertThat(c.safety().isForbidden("db/migrations/V2.sql")).isTrue();
    assertThat(c.safety().isForbidden(".github/workflows/ci.yml")).isTrue();
    assertThat(c.safety().isForbidden(".selfheal.yml")).isTrue();
    assertThat(c.safety().isForbidden("src/main/java/A.java")).isFalse();
  }

  @Test
  void unknownKeyNamesTheLineAndSuggests() {
    assertThatThrownBy(
            () -> ConfigLoader.parse("safety:\n  max_file_changed: 4\n", ".selfheal.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(".selfheal.yml:2")
        .hasMessageContaining("`safety.max_file_changed`")
        .hasMessageContaining("did you mean `max_files_changed`");
  }

  @Test
  void wrongTypesAndValuesNameWhatIsAllowed() {
    assertThatThrownBy(() -> ConfigLoader.parse("safety:\n  max_lines_changed: lots\n", "f"))
        .hasMessageContaining("f:2")
        .hasMessageContaining("whole number from 1 to 100000")
        .hasMessageContaining("\"lots\"");
    assertThatThrownBy(() -> ConfigLoader.parse("safety:\n  confidence_threshold: 1.5\n", "f"))
        .hasMessageContaining("number from 0.0 to 1.0");
    assertThatThrownBy(() -> ConfigLoader.parse("llm:\n  provider: gemini\n", "f"))
        .hasMessageContaining("one of auto, anthropic, openai, none");
    assertThatThrownBy(() -> ConfigLoader.parse("delivery:\n  labels: auto-heal\n", "f"))
        .hasMessageContaining("must be a list of strings");
    assertThatThrownBy(() -> ConfigLoader.parse("safety: 3\n", "f"))
        .hasMessageContaining("must be a mapping");
    assertThatThrownBy(() -> ConfigLoader.parse("targeted_command: make test\n", "f"))
        .hasMessageContaining("{tests}");
    assertThatThrownBy(() -> ConfigLoader.parse("safety:\n  forbidden_paths: ['../x']\n", "f"))
        .hasMessageContaining("`..`");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "safety:\n  forbidden_paths:\n    - 'config/[ab.yml'\n", ".selfheal.yml"))
        .hasMessageContaining(".selfheal.yml:")
        .hasMessageContaining("safety.forbidden_paths")
        .hasMessageContaining("without its closing ]");
  }

  @Test
  void theTwoSwitchesThatAreNotSwitches() {
    assertThatThrownBy(() -> ConfigLoader.parse("safety:\n  require_test_pass: false\n", "f"))
        .hasMessageContaining("f:2")
        .hasMessageContaining("cannot be switched off");
    assertThatThrownBy(() -> ConfigLoader.parse("require_human_review: false\n", "f"))
        .hasMessageContaining("`require_human_review` cannot be switched off");
  }

  @Test
  void syntaxErrorsAndDuplicatesAreLocated() {
    assertThatThrownBy(() -> ConfigLoader.parse("safety:\n  max_retries: [1\n", "f"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> ConfigLoader.parse("command: a\ncommand: b\n", "f"))
        .hasMessageContaining("f:2")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void explicitFileMustExistAndBeUtf8() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(repo, repo.resolve("nope.yml")))
        .hasMessageContaining("--config");
    Path latin1 = repo.resolve(".selfheal.yml");
    Files.write(
        latin1, new byte[] {'c', 'o', 'm', 'm', 'a', 'n', 'd', ':', ' ', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> ConfigLoader.load(repo, null)).hasMessageContaining("not UTF-8");
    Files.writeString(latin1, "\uFEFFcommand: mvn -B verify\r\n");
    assertThat(ConfigLoader.load(repo, null).command()).isEqualTo("mvn -B verify");
    Files.writeString(latin1, "");
    assertThat(ConfigLoader.load(repo, null)).isEqualTo(SelfhealConfig.defaults());
  }
}
