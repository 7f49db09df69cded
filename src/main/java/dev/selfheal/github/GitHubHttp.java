package dev.selfheal.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST transport: {@code java.net.http} plus Jackson, the HTTP and JSON stacks selfheal already
 * has. Chosen over org.kohsuke github-api because the heal needs what that library hides: the log
 * download's redirect followed <em>without</em> the token, rate-limit waits bounded by a deadline
 * we choose, and GitHub's own error text turned into advice. The typed operations are in {@link
 * GitHub}.
 */
final class GitHubHttp {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
  private static final int MAX_PAGES = 50;
  private final GitHubSettings settings;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;
  private final GitHub.Sleeper sleeper;
  private final Duration maxWait;

  record Response(int status, HttpHeaders headers, JsonNode body) {}

  GitHubHttp(GitHubSettings settings, Clock clock, GitHub.Sleeper sleeper, Duration maxWait) {
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxWait = maxWait;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            // HTTP/1.1: no h2c upgrade dance with plain-HTTP Enterprise proxies and stand-ins.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  ObjectMapper json() {
    return json;
  }

  JsonNode get(String path) throws GitHubException {
    return send("GET", path, null).body();
  }

  JsonNode post(String path, Object body) throws GitHubException {
    return send("POST", path, body).body();
  }

  JsonNode patch(String path, Object body) throws GitHubException {
    return send("PATCH", path, body).body();
  }

  /** Every item of a listing, following the Link header's rel="next" pages. */
  List<JsonNode> getAll(String path, String field) throws GitHubException {
    List<JsonNode> out = new ArrayList<>();
    URI next = uri(path);
    for (int page = 0; next != null && page < MAX_PAGES; page++) {
      Response r = exchange("GET", next, null);
      JsonNode items = field == null ? r.body() : r.body().path(field);
      if (!items.isArray()) {
        throw new GitHubException(
            GitHubException.Kind.MALFORMED,
            r.status(),
            "GET " + next + ": expected a list" + (field == null ? "" : " in `" + field + "`"));
      }
      items.forEach(out::add);
      next = r.headers().firstValue("link").map(GitHubHttp::nextPage).orElse(null);
    }
    return out;
  }

  static URI nextPage(String link) {
    Matcher m = NEXT.matcher(link);
    return m.find() ? URI.create(m.group(1)) : null;
  }

  Response send(String method, String path, Object body) throws GitHubException {
    return exchange(method, uri(path), body);
  }

  /**
   * Follows a redirect to download a body, as GitHub answers for logs: the redirect target is a
   * short-lived signed URL on another host, so the token is not sent there.
   */
  InputStream download(String path) throws GitHubException {
    HttpResponse<InputStream> first = raw("GET", uri(path), null, true);
    int status = first.statusCode();
    if (status == 200) {
      return first.body();
    }
    closeQuietly(first.body());
    if (status / 100 == 3) {
      String location =
          first
              .headers()
              .firstValue("location")
              .orElseThrow(
                  () ->
                      new GitHubException(
                          GitHubException.Kind.MALFORMED,
                          status,
                          "GET " + path + ": redirect without a Location header"));
      HttpResponse<InputStream> second = raw("GET", uri(path).resolve(location), null, false);
      if (second.statusCode() == 200) {
        return second.body();
      }
      closeQuietly(second.body());
      throw new GitHubException(
          GitHubException.Kind.SERVER,
          second.statusCode(),
          "downloading " + path + ": the redirect target answered " + second.statusCode());
    }
    throw Errors.of("GET", path, status, MissingNode.getInstance(), settings);
  }

  private Response exchange(String method, URI target, Object body) throws GitHubException {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<InputStream> r = raw(method, target, body, true);
      JsonNode node = read(r, method, target);
      int status = r.statusCode();
      if (status / 100 == 2) {
        return new Response(status, r.headers(), node);
      }
      Optional<Instant> until = RateLimit.until(status, r.headers(), node, clock);
      if (until.isPresent()) {
        Duration wait = Duration.between(clock.instant(), until.get());
        if (attempt < 2 && wait.compareTo(maxWait) <= 0) {
          pause(wait.isNegative() ? Duration.ZERO : wait);
          continue;
        }
        throw new GitHubException(
            GitHubException.Kind.RATE_LIMITED,
            status,
            "GitHub's rate limit for this token is used up until "
                + until.get()
                + " ("
                + method
                + " "
                + target.getPath()
                + "); run again after that, or use a token with its own limit"
                + " (SELFHEAL_GITHUB_TOKEN)");
      }
      boolean transientError = status == 502 || status == 503 || status == 504;
      if (transientError && method.equals("GET") && attempt < 2) {
        pause(Duration.ofSeconds(1L << attempt));
        continue;
      }
      throw Errors.of(method, target.getPath(), status, node, settings);
    }
  }

  private void pause(Duration d) throws GitHubException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubException(GitHubException.Kind.NETWORK, "interrupted while waiting", e);
    }
  }

  private HttpResponse<InputStream> raw(String method, URI target, Object body, boolean auth)
      throws GitHubException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "selfheal");
    if (auth && settings.token() != null) {
      b.header("Authorization", "Bearer " + settings.token());
    }
    try {
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      }
      return client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new GitHubException(
          GitHubException.Kind.NETWORK,
          "cannot reach GitHub at "
              + settings.apiUrl()
              + " ("
              + method
              + " "
              + target.getPath()
              + "): "
              + e.getMessage()
              + "; check the network and GITHUB_API_URL",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubException(GitHubException.Kind.NETWORK, "interrupted", e);
    }
  }

  private JsonNode read(HttpResponse<InputStream> r, String method, URI target)
      throws GitHubException {
    try (InputStream in = r.body()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0) {
        return MissingNode.getInstance();
      }
      String type = r.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
      if (!type.contains("json")) {
        return MissingNode.getInstance(); // an HTML error page from a proxy says nothing useful
      }
      return json.readTree(bytes);
    } catch (IOException e) {
      if (r.statusCode() / 100 != 2) {
        return MissingNode.getInstance();
      }
      throw new GitHubException(
          GitHubException.Kind.MALFORMED,
          method + " " + target.getPath() + ": the answer is not JSON: " + e.getMessage(),
          e);
    }
  }

  URI uri(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      return URI.create(path);
    }
    return URI.create(settings.apiUrl() + path);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing was read from it
    }
  }
}
