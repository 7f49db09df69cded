package dev.selfheal.github;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where GitHub is and who we are there, as GitHub Actions defines it: {@code GITHUB_API_URL}
 * (Enterprise works by URL), {@code SELFHEAL_GITHUB_TOKEN} when set (a GitHub App or fine-grained
 * token: the pushes and PRs it makes start CI) else {@code GITHUB_TOKEN}, {@code
 * GITHUB_REPOSITORY}.
 */
public record GitHubSettings(URI apiUrl, String token, TokenSource tokenSource, String repository) {
  public static final URI PUBLIC_API = URI.create("https://api.github.com");

  /** Which token is in use: it decides whether a push starts CI on its own. */
  public enum TokenSource {
    SELFHEAL_GITHUB_TOKEN,
    GITHUB_TOKEN,
    NONE
  }

  public GitHubSettings {
    if (repository != null && !repository.matches("[\\w.-]+/[\\w.-]+")) {
      throw new IllegalArgumentException("not an owner/name repository: " + repository);
    }
    String u = apiUrl.toString();
    if (u.endsWith("/")) {
      apiUrl = URI.create(u.substring(0, u.length() - 1));
    }
  }

  /**
   * Reads the environment; {@code fallbackRepository} (e.g. from the origin remote's URL) is used
   * when {@code GITHUB_REPOSITORY} is not set.
   */
  public static GitHubSettings from(Map<String, String> env, String fallbackRepository) {
    String api = blankToNull(env.get("GITHUB_API_URL"));
    String own = blankToNull(env.get("SELFHEAL_GITHUB_TOKEN"));
    String actions = blankToNull(env.get("GITHUB_TOKEN"));
    TokenSource source =
        own != null
            ? TokenSource.SELFHEAL_GITHUB_TOKEN
            : actions != null ? TokenSource.GITHUB_TOKEN : TokenSource.NONE;
    String repo = blankToNull(env.get("GITHUB_REPOSITORY"));
    return new GitHubSettings(
        api == null ? PUBLIC_API : URI.create(api),
        own != null ? own : actions,
        source,
        repo != null ? repo : fallbackRepository);
  }

  public Optional<String> owner() {
    return repository == null
        ? Optional.empty()
        : Optional.of(repository.substring(0, repository.indexOf('/')));
  }

  /**
   * The owner/name of a GitHub remote URL ({@code https://host/o/r.git}, {@code git@host:o/r.git}),
   * or null when the URL does not look like one.
   */
  public static String repositoryOf(String remoteUrl) {
    if (remoteUrl == null) {
      return null;
    }
    String u = remoteUrl.strip();
    if (u.endsWith(".git")) {
      u = u.substring(0, u.length() - 4);
    }
    if (!(u.startsWith("https://") || u.startsWith("http://") || u.startsWith("ssh://"))
        && u.contains(":")
        && u.contains("@")) {
      u = u.substring(u.indexOf(':') + 1);
    } else if (u.contains("://")) {
      u = u.substring(u.indexOf("://") + 3);
      int slash = u.indexOf('/');
      if (slash < 0) {
        return null;
      }
      u = u.substring(slash + 1);
    } else {
      return null;
    }
    String[] parts = u.split("/");
    if (parts.length != 2 || !(parts[0] + "/" + parts[1]).matches("[\\w.-]+/[\\w.-]+")) {
      return null;
    }
    return parts[0] + "/" + parts[1];
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
