package dev.selfheal.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GitHub Actions run: what failed (branch, commit), which workflow, and the base branches of the
 * pull requests it ran for. The same fields in the REST answer and in a {@code workflow_run}
 * event's payload.
 */
public record WorkflowRun(
    long id,
    String headBranch,
    String headSha,
    String headRepository,
    long workflowId,
    String workflowPath,
    String conclusion,
    List<String> pullRequestBases,
    String htmlUrl) {
  public WorkflowRun {
    pullRequestBases = List.copyOf(pullRequestBases);
  }

  /**
   * The run a {@code workflow_run} event is about, from the payload file Actions writes at {@code
   * GITHUB_EVENT_PATH}; empty for any other event.
   */
  public static Optional<WorkflowRun> fromEvent(Path payload) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(payload.toFile());
    } catch (IOException e) {
      throw new IOException(
          "GITHUB_EVENT_PATH " + payload + ": not a JSON event payload: " + e.getMessage(), e);
    }
    JsonNode run = root == null ? null : root.get("workflow_run");
    return run == null || !run.isObject() ? Optional.empty() : Optional.of(of(run));
  }

  public static WorkflowRun of(JsonNode n) {
    List<String> bases = new ArrayList<>();
    n.path("pull_requests").forEach(p -> bases.add(p.path("base").path("ref").asText()));
    return new WorkflowRun(
        n.path("id").asLong(),
        n.path("head_branch").asText(null),
        n.path("head_sha").asText(null),
        n.path("head_repository").path("full_name").asText(null),
        n.path("workflow_id").asLong(),
        n.path("path").asText(null),
        n.path("conclusion").asText(null),
        bases,
        n.path("html_url").asText(null));
  }
}
