package dev.selfheal.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A pull request as the REST API lists it, with what selfheal decides on. */
public record PullRequest(
    int number,
    String htmlUrl,
    boolean open,
    boolean merged,
    String headRef,
    String headSha,
    String baseRef,
    String body,
    List<String> labels,
    String createdAt) {
  public PullRequest {
    labels = List.copyOf(labels);
    body = body == null ? "" : body;
  }

  /** Closed by a person without merging: its fix was turned down. */
  public boolean closedUnmerged() {
    return !open && !merged;
  }

  static PullRequest of(JsonNode n) {
    List<String> labels = new ArrayList<>();
    n.path("labels").forEach(l -> labels.add(l.path("name").asText()));
    return new PullRequest(
        n.path("number").asInt(),
        n.path("html_url").asText(),
        "open".equals(n.path("state").asText()),
        n.hasNonNull("merged_at") || n.path("merged").asBoolean(false),
        n.path("head").path("ref").asText(),
        n.path("head").path("sha").asText(),
        n.path("base").path("ref").asText(),
        n.path("body").isNull() ? "" : n.path("body").asText(""),
        labels,
        n.path("created_at").asText(null));
  }
}
