package dev.selfheal.deliver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code selfheal init}: the workflow that heals a failed CI run and the commented config. The
 * workflow is safe on untrusted pull requests: it runs only for this repository's own branches,
 * checks out without persisting credentials, and gives the token to the push alone.
 */
public final class Setup {
  /** The action this repository publishes; pin it to a release you have vetted. */
  public static final String ACTION = "selfheal-dev/selfheal@v1";

  public static final String WORKFLOW = ".github/workflows/self-heal.yml";
  public static final String CONFIG = ".selfheal.yml";

  private Setup() {}

  /** The CI workflow to heal could not be chosen; the message lists what there is. */
  public static final class SetupException extends Exception {
    public SetupException(String message) {
      super(message);
    }
  }

  public record Written(List<Path> files, String ciWorkflow) {}

  /** Picks the CI workflow by its {@code name:}: the one given, else the only CI workflow there. */
  public static String chooseWorkflow(Path repo, String asked) throws IOException, SetupException {
    List<ActionsWorkflows.Workflow> all = new ArrayList<>(ActionsWorkflows.list(repo));
    all.removeIf(w -> w.file().endsWith("self-heal.yml"));
    List<String> names = all.stream().map(ActionsWorkflows.Workflow::name).toList();
    if (asked != null) {
      if (!names.contains(asked)) {
        throw new SetupException(
            "no workflow named \"" + asked + "\" in .github/workflows (there: " + names + ")");
      }
      return asked;
    }
    List<String> ci =
        all.stream()
            .filter(ActionsWorkflows.Workflow::isCi)
            .map(ActionsWorkflows.Workflow::name)
            .toList();
    if (ci.size() == 1) {
      return ci.get(0);
    }
    if (ci.isEmpty()) {
      throw new SetupException(
          "no CI workflow (one that runs on push or pull_request) in "
              + repo.resolve(".github/workflows")
              + "; add one, or name it with --workflow NAME");
    }
    throw new SetupException(
        "several CI workflows: " + ci + "; say which one selfheal heals with --workflow NAME");
  }

  public static Written write(Path repo, String ciWorkflow, boolean force)
      throws IOException, SetupException {
    Path workflow = repo.resolve(WORKFLOW);
    Path config = repo.resolve(CONFIG);
    List<Path> exists = new ArrayList<>();
    for (Path p : List.of(workflow, config)) {
      if (Files.exists(p) && !force) {
        exists.add(p);
      }
    }
    if (!exists.isEmpty()) {
      throw new SetupException(
          exists + " already exist(s); nothing was written (use --force to overwrite)");
    }
    List<Path> written = new ArrayList<>();
    writeAtomically(workflow, workflow(ciWorkflow));
    written.add(workflow);
    writeAtomically(config, CONFIG_TEXT);
    written.add(config);
    return new Written(written, ciWorkflow);
  }

  static String workflow(String ciWorkflow) {
    String quoted = "\"" + ciWorkflow.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return WORKFLOW_TEXT.replace("@CI@", quoted).replace("@ACTION@", ACTION);
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".selfheal-init", ".tmp");
    try {
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** What a GitLab pipeline can do: heal and keep the patch and report (no merge request). */
  public static String gitlabJob() {
    return """
        # .gitlab-ci.yml: heal a failed pipeline and keep the validated patch and the report.
        # selfheal does not open merge requests on GitLab; a person applies the patch.
        selfheal:
          stage: .post
          when: on_failure
          image: maven:3.9-eclipse-temurin-17
          variables:
            GIT_DEPTH: 0
          script:
            - git clone --depth 1 https://github.com/selfheal-dev/selfheal.git /tmp/selfheal
            - mvn -B -q -f /tmp/selfheal/pom.xml package -DskipTests
            - java -jar /tmp/selfheal/target/selfheal.jar heal --report selfheal-report.json > selfheal.patch || true
          artifacts:
            when: always
            paths: [selfheal.patch, selfheal-report.json]
        """;
  }

  private static final String WORKFLOW_TEXT =
      """
      # Written by `selfheal init`. When CI fails on a branch of this repository, selfheal
      # reproduces the failure, fixes it if it can, validates the fix by running the tests, and
      # opens a pull request labelled auto-heal for a person to review. It never merges.
      name: self-heal

      on:
        workflow_run:
          workflows: [@CI@]
          types: [completed]

      permissions:
        contents: write        # push the selfheal/* fix branch
        pull-requests: write   # open the PR, label it, ask reviewers
        actions: read          # read the failed run's jobs and logs

      concurrency:
        group: self-heal-${{ github.event.workflow_run.head_branch }}
        cancel-in-progress: false

      jobs:
        heal:
          # Only failed runs of this repository's own branches: a fork's code must never run with
          # this repository's secrets.
          if: >-
            github.event.workflow_run.conclusion == 'failure' &&
            github.event.workflow_run.head_repository.full_name == github.repository
          runs-on: ubuntu-latest
          timeout-minutes: 60
          steps:
            - uses: actions/checkout@v4
              with:
                ref: ${{ github.event.workflow_run.head_sha }}
                fetch-depth: 0               # the breaking change: back to the last green commit
                persist-credentials: false   # the token is given to selfheal's push alone
            - uses: @ACTION@
              with:
                args: heal --pr --github-run ${{ github.event.workflow_run.id }}
              env:
                GITHUB_TOKEN: ${{ github.token }}
                # A GitHub App or fine-grained token, if you have one: its PRs start CI by themselves.
                SELFHEAL_GITHUB_TOKEN: ${{ secrets.SELFHEAL_GITHUB_TOKEN }}
                # The LLM tier, for what no recipe fits (optional: recipes need no key).
                ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}
                OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}
                # A shared history for `selfheal report` (optional; without it, `selfheal sync`
                # rebuilds the history from the auto-heal PRs).
                SELFHEAL_DB_URL: ${{ secrets.SELFHEAL_DB_URL }}
                SELFHEAL_DB_USER: ${{ secrets.SELFHEAL_DB_USER }}
                SELFHEAL_DB_PASSWORD: ${{ secrets.SELFHEAL_DB_PASSWORD }}
      """;

  private static final String CONFIG_TEXT =
      """
      # selfheal's configuration. Every key is optional; the values shown are the defaults.
      # In CI it is read from the default branch, so a pull request cannot loosen its own rules.

      # The check command; null = inferred from the build files (mvn -B verify, ./gradlew check,
      # npm test, pytest).
      command: null
      # How to re-run given tests when selfheal cannot narrow your build, e.g. "make test TESTS={tests}".
      targeted_command: null

      safety:
        max_files_changed: 3
        max_lines_changed: 50
        # Added to the defaults below; .git/**, .github/** and .selfheal.yml are always forbidden.
        forbidden_paths: ["**/migrations/**", "**/.env*", "**/secrets/**", "**/auth/**", "**/payment/**"]
        max_retries: 2              # further candidates per failure within one heal
        confidence_threshold: 0.7
        llm_may_edit_build_files: false

      delivery:
        labels: ["auto-heal"]
        reviewers: []               # logins, or org/team
        max_attempts_per_fingerprint: 3   # then a person must look
        cooldown_minutes: 60

      llm:
        provider: auto              # auto | anthropic | openai | none
        model: null                 # the provider's default
        max_output_tokens: 4096
        max_cost_usd_per_heal: 1.00
        send_source: true           # false: only logs and diagnostics leave the machine

      timeouts:
        command_seconds: 900

      # History: each heal is recorded in SQLite under ~/.local/state/selfheal by default. For a
      # team, set SELFHEAL_DB_URL (jdbc:postgresql://...) with SELFHEAL_DB_USER/PASSWORD; on
      # ephemeral CI runners without one, `selfheal sync` rebuilds it from the auto-heal PRs.
      """;
}
