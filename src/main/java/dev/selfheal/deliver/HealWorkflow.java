package dev.selfheal.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The text of {@code .github/workflows/self-heal.yml}. It runs when the CI workflow fails on a
 * branch of this repository (never a fork's, never selfheal's own {@code selfheal/**} branches,
 * never Dependabot's unless the config says so), checks out the failing commit without persisting
 * credentials, prepares the project as CI does (its setup steps, copied, caches left out), runs
 * selfheal through its Action, and keeps the report and the run's logs as an artifact. Third-party
 * actions are pinned by commit SHA, the version in a comment.
 */
public final class HealWorkflow {
  /** Pinned by full commit SHA, as GitHub's hardening guide advises. */
  static final String CHECKOUT =
      "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2";

  static final String UPLOAD =
      "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2";

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  private HealWorkflow() {}

  /**
   * @param ci the CI job to heal and how it prepares the project
   * @param action the selfheal Action's reference ({@code owner/repo@vX.Y.Z})
   * @param dispatch the CI workflow accepts {@code workflow_dispatch}: selfheal starts it on the
   *     fix branch (pushes with GITHUB_TOKEN start no workflow), which takes {@code actions: write}
   * @param healDependabot {@code delivery.heal_dependabot}: heal Dependabot's branches too
   */
  public static String render(CiJob ci, String action, boolean dispatch, boolean healDependabot) {
    StringBuilder y = new StringBuilder();
    y.append(
        """
        # Written by `selfheal init`. When CI fails on a branch of this repository, selfheal
        # reproduces the failure, fixes it if it can, validates the fix by running the tests, and
        # opens a pull request labelled auto-heal for a person to review. It never merges.
        name: self-heal

        on:
          workflow_run:
            workflows: [@CI@]
            types: [completed]
            # selfheal's own fix branches: their CI is the PR's evidence, not a new failure to heal.
            branches-ignore: ["selfheal/**"]

        permissions:
          contents: write        # push the selfheal/* fix branch
          pull-requests: write   # open the PR, label it, ask reviewers
        """
            .replace("@CI@", quoted(ci.workflowName())));
    if (dispatch) {
      y.append(
          "  actions: write         # read the failed run's logs; start CI on the fix branch"
              + " (workflow_dispatch)\n");
    } else {
      y.append(
          "  actions: read          # read the failed run's logs. CI has no workflow_dispatch, so"
              + " a fix\n"
              + "                         # branch pushed with GITHUB_TOKEN runs no CI: add it, or"
              + " set\n"
              + "                         # SELFHEAL_GITHUB_TOKEN\n");
    }
    y.append(
        """

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
        """);
    if (!healDependabot) {
      y.append("      && github.event.workflow_run.actor.login != 'dependabot[bot]'\n");
    }
    y.append("    runs-on: ").append(ci.runsOn()).append('\n');
    y.append("    timeout-minutes: 60\n");
    if (ci.services() != null && !ci.services().isEmpty()) {
      y.append("    # The services CI's job runs with.\n");
      y.append(block("services", ci.services(), 4));
    }
    if (ci.env() != null && !ci.env().isEmpty()) {
      y.append("    # The environment CI's job sets.\n");
      y.append(block("env", ci.env(), 4));
    }
    y.append("    steps:\n");
    y.append("      - uses: ").append(CHECKOUT).append('\n');
    y.append(
        """
                with:
                  ref: ${{ github.event.workflow_run.head_sha }}
                  fetch-depth: 0               # the breaking change: back to the last green commit
                  persist-credentials: false   # the token is given to selfheal's push alone
        """);
    if (!ci.setupSteps().isEmpty()) {
      y.append("      # As \"")
          .append(ci.workflowName())
          .append("\" prepares the project (job ")
          .append(ci.jobId())
          .append("), in the same order. No build\n")
          .append(
              "      # cache is restored or saved here: a branch's build must not poison it.\n");
      for (ObjectNode s : ci.setupSteps()) {
        y.append(step(s));
      }
    }
    y.append("      - uses: ").append(action).append('\n');
    y.append(
        """
                with:
                  args: >-
                    heal --pr --github-run ${{ github.event.workflow_run.id }}
                    --report ${{ runner.temp }}/selfheal-report.json
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
              # The report and the run's (redacted) logs, whatever happened.
              - if: always()
        """);
    y.append("        uses: ").append(UPLOAD).append('\n');
    y.append(
        """
                with:
                  name: selfheal-${{ github.event.workflow_run.id }}
                  path: |
                    ${{ runner.temp }}/selfheal-report.json
                    ${{ runner.temp }}/selfheal-state/selfheal/runs/
                  if-no-files-found: ignore
                  retention-days: 14
        """);
    return y.toString();
  }

  /** One step as YAML, indented under {@code steps:}. */
  private static String step(ObjectNode s) {
    String text = write(s);
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      out.append(first ? "      - " : "        ").append(line).append('\n');
      first = false;
    }
    return out.toString();
  }

  private static String block(String key, JsonNode value, int indent) {
    ObjectNode wrap = YAML.createObjectNode();
    wrap.set(key, value);
    StringBuilder out = new StringBuilder();
    for (String line : write(wrap).split("\n")) {
      if (!line.isEmpty()) {
        out.append(" ".repeat(indent)).append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static String write(JsonNode n) {
    try {
      return YAML.writeValueAsString(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
