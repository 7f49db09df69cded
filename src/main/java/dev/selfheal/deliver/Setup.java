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
  /** The Action's repository; a release tag of it is what the workflow uses. */
  public static final String ACTION_REPOSITORY = "selfheal-dev/selfheal";

  public static final String WORKFLOW = ".github/workflows/self-heal.yml";
  public static final String CONFIG = ".selfheal.yml";

  /** What CI commands selfheal infers by itself: no need to write them into the config. */
  private static final java.util.Set<String> INFERRED =
      java.util.Set.of(
          "mvn -B verify",
          "./mvnw -B verify",
          "./gradlew check",
          "gradle check",
          "npm test",
          "pytest");

  private Setup() {}

  /** The release this build of selfheal belongs to ({@code 0.2.0} for {@code 0.2.0-SNAPSHOT}). */
  public static String releaseVersion() {
    String v = dev.selfheal.model.SelfhealVersion.current();
    return v.endsWith("-SNAPSHOT") ? v.substring(0, v.length() - "-SNAPSHOT".length()) : v;
  }

  /** The Action as a workflow uses it: this release's tag. */
  public static String action() {
    return ACTION_REPOSITORY + "@v" + releaseVersion();
  }

  /** The CI workflow to heal could not be chosen; the message lists what there is. */
  public static final class SetupException extends Exception {
    public SetupException(String message) {
      super(message);
    }
  }

  public record Written(List<Path> files, CiJob ci) {}

  /** Picks the CI workflow by its {@code name:}: the one given, else the only CI workflow there. */
  public static ActionsWorkflows.Workflow chooseWorkflow(Path repo, String asked)
      throws IOException, SetupException {
    List<ActionsWorkflows.Workflow> all = new ArrayList<>(ActionsWorkflows.list(repo));
    all.removeIf(w -> w.file().endsWith("self-heal.yml"));
    List<String> names = all.stream().map(ActionsWorkflows.Workflow::name).toList();
    if (asked != null) {
      return all.stream()
          .filter(w -> w.name().equals(asked))
          .findFirst()
          .orElseThrow(
              () ->
                  new SetupException(
                      "no workflow named \""
                          + asked
                          + "\" in .github/workflows (there: "
                          + names
                          + ")"));
    }
    List<ActionsWorkflows.Workflow> ci =
        all.stream().filter(ActionsWorkflows.Workflow::isCi).toList();
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
        "several CI workflows: "
            + ci.stream().map(ActionsWorkflows.Workflow::name).toList()
            + "; say which one selfheal heals with --workflow NAME");
  }

  public static Written write(Path repo, ActionsWorkflows.Workflow ciWorkflow, boolean force)
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
    boolean healDependabot = false;
    try {
      healDependabot =
          dev.selfheal.config.ConfigLoader.load(repo, null).delivery().healDependabot();
    } catch (dev.selfheal.config.ConfigException e) {
      throw new SetupException(e.getMessage());
    }
    CiJob ci = CiJob.read(ciWorkflow.file());
    ci =
        new CiJob(
            ciWorkflow.name(),
            ci.jobId(),
            ci.runsOn(),
            ci.setupSteps(),
            ci.services(),
            ci.env(),
            ci.checkCommand(),
            ci.leftOut());
    List<Path> written = new ArrayList<>();
    writeAtomically(
        workflow,
        HealWorkflow.render(
            ci, action(), ActionsWorkflows.acceptsDispatch(ciWorkflow.file()), healDependabot));
    written.add(workflow);
    writeAtomically(config, configText(ci));
    written.add(config);
    return new Written(written, ci);
  }

  /** The commented defaults; CI's own check command when it is not what selfheal infers. */
  static String configText(CiJob ci) {
    if (ci.checkCommand().isEmpty() || INFERRED.contains(ci.checkCommand().get())) {
      return CONFIG_TEXT;
    }
    String cmd = ci.checkCommand().get();
    String quoted = "\"" + cmd.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return CONFIG_TEXT.replaceFirst(
        "(?m)^command: null\n",
        java.util.regex.Matcher.quoteReplacement(
            "command: " + quoted + "   # as CI's job " + ci.jobId() + " runs its checks\n"));
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

  /**
   * What a GitLab pipeline can do: heal and keep the patch and report (no merge request). It
   * installs the release jar, checked against its published SHA-256.
   */
  public static String gitlabJob() {
    return """
        # .gitlab-ci.yml: heal a failed pipeline and keep the validated patch and the report.
        # selfheal does not open merge requests on GitLab; a person applies the patch.
        # Run it in the image your test job uses (the project's own JDK, Node, Python), with a
        # Java 17+ for selfheal itself (SELFHEAL_JAVA, if java on the PATH is older).
        selfheal:
          stage: .post
          when: on_failure
          image: maven:3.9-eclipse-temurin-17
          variables:
            GIT_DEPTH: 0
            SELFHEAL_VERSION: "@VERSION@"
          script:
            - curl -fsSLO "https://github.com/@REPO@/releases/download/v$SELFHEAL_VERSION/selfheal-$SELFHEAL_VERSION.jar"
            - curl -fsSLO "https://github.com/@REPO@/releases/download/v$SELFHEAL_VERSION/selfheal-$SELFHEAL_VERSION.jar.sha256"
            - sha256sum -c "selfheal-$SELFHEAL_VERSION.jar.sha256"
            - ${SELFHEAL_JAVA:-java} -jar "selfheal-$SELFHEAL_VERSION.jar" heal --report selfheal-report.json > selfheal.patch || true
          artifacts:
            when: always
            paths: [selfheal.patch, selfheal-report.json]
        """
        .replace("@VERSION@", releaseVersion())
        .replace("@REPO@", ACTION_REPOSITORY);
  }

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
        author: "selfheal[bot] <selfheal[bot]@users.noreply.github.com>"   # the fix commits' author
        heal_dependabot: false      # heal Dependabot's branches too (re-run selfheal init after)

      llm:
        provider: auto              # auto | anthropic | openai | none
        model: null                 # the provider's default
        max_output_tokens: 4096
        max_cost_usd_per_heal: 1.00
        send_source: true           # false: only logs and diagnostics leave the machine
        call_timeout_seconds: 120   # one model call, its whole answer included
        max_seconds_per_heal: 600   # all model calls of one heal, retries included

      timeouts:
        command_seconds: 900

      # Failing tests from a logic regression, healed without a model: per-test coverage ranks the
      # suspicious lines, and small repair templates (a partial revert of the breaking change, a
      # flipped comparison, an off-by-one, ...) are checked in a warm test worker. Maven + JUnit.
      repair:
        logic: true
        budget_seconds: 120         # localization and candidate checks, per heal
        max_candidates: 500

      # History: each heal is recorded in SQLite under ~/.local/state/selfheal by default. For a
      # team, set SELFHEAL_DB_URL (jdbc:postgresql://...) with SELFHEAL_DB_USER/PASSWORD; on
      # ephemeral CI runners without one, `selfheal sync` rebuilds it from the auto-heal PRs.
      """;
}
