package dev.selfheal.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** GitHub's refusals turned into messages that say which setting or token fixes them. */
final class Errors {
  static final String ACTIONS_MAY_NOT_CREATE_PRS =
      "GitHub Actions is not permitted to create or approve pull requests";

  private Errors() {}

  static GitHubException of(
      String method, String path, int status, JsonNode body, GitHubSettings settings) {
    String said = said(body);
    String call = method + " " + path;
    String repo = settings.repository() == null ? "the repository" : settings.repository();
    return switch (status) {
      case 401 ->
          new GitHubException(
              GitHubException.Kind.UNAUTHORIZED,
              status,
              "GitHub refused the token (401"
                  + said
                  + ") for "
                  + call
                  + ": set SELFHEAL_GITHUB_TOKEN or GITHUB_TOKEN to a valid, unexpired token");
      case 403 -> forbidden(call, status, said, repo, settings);
      case 404 ->
          new GitHubException(
              GitHubException.Kind.NOT_FOUND,
              status,
              call
                  + ": not found (404"
                  + said
                  + "); check GITHUB_REPOSITORY ("
                  + repo
                  + ") and that the token can read it (a token without access sees 404, not 403)");
      case 422 ->
          new GitHubException(
              GitHubException.Kind.UNPROCESSABLE,
              status,
              call + ": GitHub refused the request (422" + said + ")");
      default ->
          new GitHubException(
              status >= 500 ? GitHubException.Kind.SERVER : GitHubException.Kind.MALFORMED,
              status,
              call
                  + ": GitHub answered "
                  + status
                  + said
                  + (status >= 500 ? "; GitHub may be having trouble, try again later" : ""));
    };
  }

  private static GitHubException forbidden(
      String call, int status, String said, String repo, GitHubSettings settings) {
    if (said.contains(ACTIONS_MAY_NOT_CREATE_PRS)) {
      return new GitHubException(
          GitHubException.Kind.FORBIDDEN,
          status,
          ACTIONS_MAY_NOT_CREATE_PRS
              + " in "
              + repo
              + ": turn on Settings → Actions → General → Workflow permissions → \"Allow GitHub"
              + " Actions to create and approve pull requests\" (at the organisation too, if it"
              + " overrides), or set SELFHEAL_GITHUB_TOKEN to a GitHub App or fine-grained token"
              + " with pull-requests: write. The fix branch was pushed; the next run opens the PR.");
    }
    String advice =
        settings.tokenSource() == GitHubSettings.TokenSource.GITHUB_TOKEN
            ? "give the workflow `permissions: contents: write, pull-requests: write, actions:"
                + " read`"
            : "give the token contents: write, pull-requests: write and actions: read on " + repo;
    return new GitHubException(
        GitHubException.Kind.FORBIDDEN, status, call + ": forbidden (403" + said + "); " + advice);
  }

  /** GitHub's own words: its message and each of its errors' messages. */
  static String said(JsonNode body) {
    List<String> parts = new ArrayList<>();
    String message = body.path("message").asText("");
    if (!message.isBlank()) {
      parts.add(message);
    }
    for (JsonNode e : body.path("errors")) {
      String m = e.isTextual() ? e.asText() : e.path("message").asText("");
      if (m.isBlank()) {
        m = e.path("code").asText("") + " " + e.path("field").asText("");
      }
      if (!m.isBlank()) {
        parts.add(m.strip());
      }
    }
    return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
  }
}
