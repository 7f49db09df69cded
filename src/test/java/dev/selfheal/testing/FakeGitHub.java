package dev.selfheal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that answers like the GitHub REST API for one repository: pulls (with state,
 * head filters and Link-header pagination), labels, reviewers, comments, Actions runs, jobs, log
 * downloads by redirect, workflow dispatch; 401 for a wrong token and 422 for a duplicate PR, with
 * GitHub's JSON error shapes. It keeps state, so a second heal sees what the first one did.
 */
public final class FakeGitHub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  public final String repository;
  public final String token;
  public final List<String> requests = new CopyOnWriteArrayList<>();
  public final List<ObjectNode> pulls = new CopyOnWriteArrayList<>();
  public final List<String> comments = new CopyOnWriteArrayList<>();
  public final List<String> dispatches = new CopyOnWriteArrayList<>();
  public final Map<Long, ObjectNode> runs = new HashMap<>();
  public final Map<Long, List<ObjectNode>> jobs = new HashMap<>();

  /** GitHub logins of commit authors, by commit sha (others: no account matched). */
  public final Map<String, String> commitLogins = new HashMap<>();

  public final Map<Long, String> logs = new HashMap<>();
  public final List<String> logDownloadsWithAuth = new CopyOnWriteArrayList<>();
  public ObjectNode lastSuccess;

  /** Emails of commits pushed onto a PR after selfheal's, by PR number. */
  public final Map<Integer, List<String>> extraCommits = new HashMap<>();

  /** How the newest finished Actions run on a branch ended. */
  public final Map<String, String> branchConclusions = new HashMap<>();

  public int perPage = 100;

  /** Answers the next request whose "METHOD path" starts with the key with this status and body. */
  public final Map<String, Object[]> failNext = new LinkedHashMap<>();

  private final HttpServer server;

  public FakeGitHub(String repository, String token) throws IOException {
    this.repository = repository;
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public long pullPosts() {
    return requests.stream().filter(r -> r.equals("POST /repos/" + repository + "/pulls")).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange x) throws IOException {
    String method = x.getRequestMethod();
    String path = x.getRequestURI().getPath();
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    requests.add(method + " " + path);
    byte[] in = x.getRequestBody().readAllBytes();
    try {
      if (path.startsWith("/blob/")) {
        long id = Long.parseLong(path.substring("/blob/".length()));
        if (x.getRequestHeaders().getFirst("Authorization") != null) {
          logDownloadsWithAuth.add(path);
        }
        send(x, 200, "text/plain", logs.getOrDefault(id, "").getBytes(StandardCharsets.UTF_8));
        return;
      }
      for (var e : failNext.entrySet()) {
        if ((method + " " + path).startsWith(e.getKey())) {
          failNext.remove(e.getKey());
          Object[] v = e.getValue();
          @SuppressWarnings("unchecked")
          Map<String, String> headers = v.length > 2 ? (Map<String, String>) v[2] : Map.of();
          headers.forEach((k, val) -> x.getResponseHeaders().add(k, val));
          json(x, (Integer) v[0], JSON.readTree((String) v[1]));
          return;
        }
      }
      if (!("Bearer " + token).equals(x.getRequestHeaders().getFirst("Authorization"))) {
        json(x, 401, error("Bad credentials"));
        return;
      }
      route(x, method, path, q, in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in));
    } catch (RuntimeException e) {
      json(x, 500, error("fake GitHub failed: " + e));
    }
  }

  private void route(
      HttpExchange x, String method, String path, Map<String, String> q, JsonNode body)
      throws IOException {
    String repo = "/repos/" + repository;
    Matcher m;
    if (method.equals("GET") && path.equals(repo + "/pulls")) {
      String state = q.getOrDefault("state", "open");
      String head = q.get("head");
      List<JsonNode> out = new ArrayList<>();
      for (ObjectNode p : pulls) {
        boolean stateOk = state.equals("all") || p.path("state").asText().equals(state);
        boolean headOk =
            head == null
                || head.equals(
                    repository.split("/")[0] + ":" + p.path("head").path("ref").asText());
        if (stateOk && headOk) {
          out.add(p);
        }
      }
      page(x, out, q);
    } else if (method.equals("POST") && path.equals(repo + "/pulls")) {
      String head = body.path("head").asText();
      for (ObjectNode p : pulls) {
        if (p.path("state").asText().equals("open")
            && p.path("head").path("ref").asText().equals(head)) {
          ObjectNode err = error("Validation Failed");
          err.putArray("errors")
              .addObject()
              .put("resource", "PullRequest")
              .put("code", "custom")
              .put(
                  "message",
                  "A pull request already exists for "
                      + repository.split("/")[0]
                      + ":"
                      + head
                      + ".");
          json(x, 422, err);
          return;
        }
      }
      int number = pulls.size() + 1;
      ObjectNode p = JSON.createObjectNode();
      p.put("number", number);
      p.put("html_url", "https://github.example/" + repository + "/pull/" + number);
      p.put("state", "open");
      p.putNull("merged_at");
      p.put("title", body.path("title").asText());
      p.put("created_at", "2026-11-25T10:00:00Z");
      p.put("body", body.path("body").asText());
      p.putObject("head")
          .put("ref", head)
          .put("sha", "0")
          .putObject("repo")
          .put("full_name", repository);
      p.putObject("base").put("ref", body.path("base").asText());
      p.putArray("labels");
      p.putArray("requested_reviewers");
      pulls.add(p);
      json(x, 201, p);
    } else if ((m = Pattern.compile(Pattern.quote(repo) + "/pulls/(\\d+)").matcher(path)).matches()
        && method.equals("GET")) {
      json(x, 200, pulls.get(Integer.parseInt(m.group(1)) - 1));
    } else if ((m = Pattern.compile(Pattern.quote(repo) + "/pulls/(\\d+)/commits").matcher(path))
        .matches()) {
      int n = Integer.parseInt(m.group(1));
      ArrayNode commits = JSON.createArrayNode();
      List<String> emails = new ArrayList<>(List.of("selfheal[bot]@users.noreply.github.com"));
      emails.addAll(extraCommits.getOrDefault(n, List.of()));
      for (String e : emails) {
        ObjectNode c = commits.addObject();
        c.putObject("commit").putObject("author").put("email", e);
        ((ObjectNode) c.get("commit")).putObject("committer").put("email", e);
      }
      json(x, 200, commits);
    } else if ((m =
                Pattern.compile(Pattern.quote(repo) + "/commits/([0-9a-f]{7,40})").matcher(path))
            .matches()
        && method.equals("GET")) {
      ObjectNode c = JSON.createObjectNode().put("sha", m.group(1));
      String login = commitLogins.get(m.group(1));
      if (login == null) {
        c.putNull("author"); // GitHub matched the commit's email to no account
      } else {
        c.putObject("author").put("login", login);
      }
      json(x, 200, c);
    } else if (method.equals("GET") && path.equals(repo + "/actions/runs")) {
      ObjectNode page = JSON.createObjectNode();
      ArrayNode runsNode = page.putArray("workflow_runs");
      String c = branchConclusions.get(q.get("branch"));
      if (c != null) {
        runsNode.addObject().put("id", 1).put("head_branch", q.get("branch")).put("conclusion", c);
      }
      page.put("total_count", runsNode.size());
      json(x, 200, page);
    } else if ((m = Pattern.compile(Pattern.quote(repo) + "/pulls/(\\d+)").matcher(path)).matches()
        && method.equals("PATCH")) {
      ObjectNode p = pulls.get(Integer.parseInt(m.group(1)) - 1);
      if (body.has("body")) {
        p.put("body", body.path("body").asText());
      }
      json(x, 200, p);
    } else if ((m = Pattern.compile(Pattern.quote(repo) + "/issues/(\\d+)/labels").matcher(path))
        .matches()) {
      ObjectNode p = pulls.get(Integer.parseInt(m.group(1)) - 1);
      ArrayNode labels = (ArrayNode) p.get("labels");
      for (JsonNode l : body.path("labels")) {
        labels.addObject().put("name", l.asText());
      }
      json(x, 200, labels);
    } else if ((m =
            Pattern.compile(Pattern.quote(repo) + "/pulls/(\\d+)/requested_reviewers")
                .matcher(path))
        .matches()) {
      ObjectNode p = pulls.get(Integer.parseInt(m.group(1)) - 1);
      ArrayNode rr = (ArrayNode) p.get("requested_reviewers");
      body.path("reviewers").forEach(r -> rr.addObject().put("login", r.asText()));
      json(x, 201, p);
    } else if ((m = Pattern.compile(Pattern.quote(repo) + "/issues/(\\d+)/comments").matcher(path))
        .matches()) {
      comments.add(m.group(1) + ": " + body.path("body").asText());
      json(x, 201, JSON.createObjectNode().put("id", comments.size()));
    } else if ((m = Pattern.compile(Pattern.quote(repo) + "/actions/runs/(\\d+)").matcher(path))
        .matches()) {
      ObjectNode r = runs.get(Long.parseLong(m.group(1)));
      if (r == null) {
        json(x, 404, error("Not Found"));
      } else {
        json(x, 200, r);
      }
    } else if ((m =
            Pattern.compile(Pattern.quote(repo) + "/actions/runs/(\\d+)/jobs").matcher(path))
        .matches()) {
      List<JsonNode> js = new ArrayList<>(jobs.getOrDefault(Long.parseLong(m.group(1)), List.of()));
      ObjectNode page = JSON.createObjectNode();
      page.put("total_count", js.size());
      page.putArray("jobs").addAll(js);
      json(x, 200, page);
    } else if ((m =
            Pattern.compile(Pattern.quote(repo) + "/actions/jobs/(\\d+)/logs").matcher(path))
        .matches()) {
      x.getResponseHeaders().add("Location", url() + "/blob/" + m.group(1) + "?sig=short-lived");
      x.sendResponseHeaders(302, -1);
      x.close();
    } else if ((m =
            Pattern.compile(Pattern.quote(repo) + "/actions/workflows/([^/]+)/runs").matcher(path))
        .matches()) {
      ObjectNode page = JSON.createObjectNode();
      ArrayNode runsNode = page.putArray("workflow_runs");
      if (lastSuccess != null) {
        runsNode.add(lastSuccess);
      }
      page.put("total_count", runsNode.size());
      json(x, 200, page);
    } else if ((m =
            Pattern.compile(Pattern.quote(repo) + "/actions/workflows/([^/]+)/dispatches")
                .matcher(path))
        .matches()) {
      dispatches.add(
          URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) + "@" + body.path("ref").asText());
      x.sendResponseHeaders(204, -1);
      x.close();
    } else {
      json(x, 404, error("Not Found"));
    }
  }

  /** GitHub's pagination: {@code page}/{@code per_page} and a Link header with rel="next". */
  private void page(HttpExchange x, List<JsonNode> all, Map<String, String> q) throws IOException {
    int per = Math.min(perPage, Integer.parseInt(q.getOrDefault("per_page", "30")));
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    int from = (page - 1) * per;
    List<JsonNode> slice =
        all.subList(Math.min(from, all.size()), Math.min(from + per, all.size()));
    if (from + per < all.size()) {
      String self = x.getRequestURI().toString().replaceAll("[?&]page=\\d+", "");
      String sep = self.contains("?") ? "&" : "?";
      x.getResponseHeaders()
          .add(
              "Link",
              "<"
                  + url()
                  + self
                  + sep
                  + "page="
                  + (page + 1)
                  + ">; rel=\"next\", <"
                  + url()
                  + self
                  + ">; rel=\"first\"");
    }
    ArrayNode arr = JSON.createArrayNode();
    arr.addAll(slice);
    json(x, 200, arr);
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode()
        .put("message", message)
        .put("documentation_url", "https://docs.github.com/rest");
  }

  private static void json(HttpExchange x, int status, JsonNode body) throws IOException {
    send(x, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange x, int status, String type, byte[] bytes)
      throws IOException {
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
