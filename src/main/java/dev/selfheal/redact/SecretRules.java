package dev.selfheal.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The shapes of secrets the redactor knows, each a pattern and the group that is the secret, with a
 * cheap trigger: a rule is run on a text only when one of its literals occurs there (most log lines
 * hold none), which keeps a 2 GiB log at disk speed. Built from how secret scanners describe
 * providers' token formats (fixed prefixes, fixed lengths), plus assignments and headers whose
 * names say "secret" whatever the value's shape; random tokens of no known shape are {@link
 * Entropy}'s.
 */
final class SecretRules {
  private SecretRules() {}

  /**
   * @param triggers literals of which one must occur (case-insensitively when {@code anyCase})
   * @param anchored the pattern starts at a trigger: it is tried only where one occurs (a keyword
   *     or {@code ://}), never at every position of the text
   */
  record Rule(
      String name,
      Pattern pattern,
      int group,
      List<String> triggers,
      boolean anyCase,
      boolean anchored) {}

  /** The words that make the value after them a secret, whatever it looks like. */
  static final String SECRET_WORDS =
      "password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key"
          + "|client[_-]?secret|credentials?|auth[_-]?key|signing[_-]?key|encryption[_-]?key";

  private static Rule rule(String name, String regex, int group, String... triggers) {
    return new Rule(name, Pattern.compile(regex), group, List.of(triggers), false, false);
  }

  /** Triggers in lower case, matched against the text in lower case. */
  private static Rule anyCase(String name, String regex, int group, String... triggers) {
    return new Rule(name, Pattern.compile("(?i)" + regex), group, List.of(triggers), true, false);
  }

  /** As {@link #anyCase}, with the pattern tried only where a trigger starts. */
  private static Rule keyed(String name, String regex, int group, String... triggers) {
    return new Rule(name, Pattern.compile("(?i)" + regex), group, List.of(triggers), true, true);
  }

  private static Rule after(String name, String anchor, String regex, int group) {
    return new Rule(name, Pattern.compile(regex), group, List.of(anchor), false, true);
  }

  static final List<Rule> ALL =
      List.of(
          // PEM and PGP blocks, whole; a block cut off before its END (a truncated log) to the end
          // of its base64 lines. Bounded, so a BEGIN with no END never scans a log twice over.
          rule(
              "private-key",
              "-----BEGIN[A-Z0-9 _-]{0,40}PRIVATE KEY(?: BLOCK)?-----"
                  + "(?:[\\s\\S]{0,65536}?-----END[A-Z0-9 _-]{0,40}PRIVATE KEY(?: BLOCK)?-----"
                  + "|(?:[A-Za-z0-9+/=:._ \\t-]|\\\\n|\\r?\\n)*)",
              0,
              "PRIVATE KEY"),
          rule(
              "github-token",
              "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b",
              0,
              "ghp_",
              "gho_",
              "ghu_",
              "ghs_",
              "ghr_",
              "github_pat_"),
          rule(
              "gitlab-token",
              "\\b(?:glpat|gldt|glptt|glrt|glsoat|gloas)-[A-Za-z0-9_-]{20,}",
              0,
              "glpat-",
              "gldt-",
              "glptt-",
              "glrt-",
              "glsoat-",
              "gloas-"),
          rule(
              "aws-access-key",
              "\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[0-9A-Z]{16}\\b",
              0,
              "AKIA",
              "ASIA",
              "ABIA",
              "ACCA",
              "AGPA",
              "AIDA",
              "AROA",
              "AIPA",
              "ANPA",
              "ANVA",
              "APKA"),
          rule("google-api-key", "\\bAIza[0-9A-Za-z_-]{35}", 0, "AIza"),
          rule(
              "google-oauth",
              "\\b(?:ya29\\.[0-9A-Za-z_-]{20,}|GOCSPX-[0-9A-Za-z_-]{20,})",
              0,
              "ya29.",
              "GOCSPX-"),
          rule(
              "stripe-key",
              "\\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}|\\bwhsec_[0-9A-Za-z]{20,}",
              0,
              "_live_",
              "_test_",
              "whsec_"),
          rule(
              "slack-token",
              "\\bxox[abposre]-[0-9A-Za-z-]{10,}|\\bxapp-\\d-[A-Za-z0-9-]{10,}",
              0,
              "xox",
              "xapp-"),
          rule(
              "webhook-url",
              "\\bhooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_+-]{8,}"
                  + "|\\bdiscord(?:app)?\\.com/api/webhooks/[0-9]+/[A-Za-z0-9_-]{20,}"
                  + "|\\b[a-z0-9-]+\\.webhook\\.office\\.com/[^\\s\"'<>]{20,}",
              0,
              "hooks.slack.com",
              "/api/webhooks/",
              "webhook.office.com"),
          rule("llm-api-key", "\\bsk-(?:ant-|proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}", 0, "sk-"),
          rule(
              "package-registry-token",
              "\\bnpm_[A-Za-z0-9]{36}\\b|\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,}"
                  + "|\\bdckr_pat_[A-Za-z0-9_-]{20,}|\\bhf_[A-Za-z]{30,}\\b",
              0,
              "npm_",
              "pypi-",
              "dckr_pat_",
              "hf_"),
          rule(
              "service-token",
              "\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"
                  + "|\\bdo[opr]_v1_[a-f0-9]{64}\\b"
                  + "|\\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\\b"
                  + "|\\bsq0(?:atp|csp)-[0-9A-Za-z_-]{22,}"
                  + "|\\bhv[sb]\\.[A-Za-z0-9_-]{24,}"
                  + "|\\bdapi[a-f0-9]{32}\\b"
                  + "|\\bdp\\.(?:pt|st|ct|sa|scim|audit)\\.[A-Za-z0-9]{40,}"
                  + "|\\blin_api_[A-Za-z0-9]{40}\\b"
                  + "|\\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\\b"
                  + "|\\bATATT3[A-Za-z0-9_=-]{50,}"
                  + "|\\bNRAK-[A-Z0-9]{27}\\b"
                  + "|\\bgl(?:c|sa)_[A-Za-z0-9+/=_]{32,}"
                  + "|\\bsntrys_[A-Za-z0-9+/=_]{40,}"
                  + "|\\bAGE-SECRET-KEY-1[0-9A-Z]{50,}"
                  + "|\\bkey-[0-9a-f]{32}\\b"
                  + "|\\bSK[0-9a-f]{32}\\b"
                  + "|\\b[0-9]{8,10}:AA[0-9A-Za-z_-]{33}\\b",
              0,
              "SG.",
              "_v1_",
              "shp",
              "sq0",
              "hvs.",
              "hvb.",
              "dapi",
              "dp.pt.",
              "dp.st.",
              "dp.ct.",
              "dp.sa.",
              "dp.scim.",
              "dp.audit.",
              "lin_api_",
              "PMAK-",
              "ATATT3",
              "NRAK-",
              "glc_",
              "glsa_",
              "sntrys_",
              "AGE-SECRET-KEY-",
              "key-",
              "SK",
              ":AA"),
          rule(
              "jwt",
              "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}",
              0,
              "eyJ"),
          // Authorization headers (and curl's -u, -H): the credential after the scheme.
          anyCase(
              "authorization",
              "\\b(?:proxy-)?authorization\\b[\"']?\\s*[:=]\\s*[\"']?"
                  + "(?:bearer|basic|token|digest|bot|apikey|sso-key)?\\s*([A-Za-z0-9._~+/=:-]{8,})",
              1,
              "authorization"),
          anyCase("bearer", "\\bbearer\\s+([A-Za-z0-9._~+/=-]{12,})", 1, "bearer"),
          anyCase(
              "azure-key",
              "\\b(?:AccountKey|SharedAccessKey|sig)=([A-Za-z0-9%+/=]{20,})",
              1,
              "accountkey",
              "sharedaccesskey",
              "sig="),
          // scheme://user:password@host, and a DSN's scheme://key@host (Sentry and the like).
          after(
              "url-credentials",
              "://",
              "://[^/\\s:@\"']+:(?!(?:password|pass|secret|token)@)([^/\\s@\"']+)(?=@)",
              1),
          after("url-key", "://", "://([A-Za-z0-9._~%+-]{16,})(?=@[A-Za-z0-9.-]+)", 1),
          // name=value where the name says what the value is; *_PASS and *_PWD too.
          keyed(
              "assignment",
              "(?:"
                  + SECRET_WORDS
                  + ")[\\w.-]*[\"']?\\s*(?::=|=>|[:=])\\s*[\"']?([^\\s\"',;}{)(<>\\[\\]]{6,})",
              1,
              "password",
              "passwd",
              "passphrase",
              "secret",
              "token",
              "api",
              "access",
              "private",
              "client",
              "credential",
              "auth",
              "signing",
              "encryption"),
          keyed(
              "pass-assignment",
              "(?:(?<=_)|\\b)(?:pass|pw|pwd(?!=/))\\b[\"']?[:=]\\s*[\"']?([^\\s\"',;}{)(]{4,})",
              1,
              "pass",
              "pwd",
              "pw"),
          anyCase(
              "netrc", "\\bmachine\\s+\\S+\\s+login\\s+\\S+\\s+password\\s+(\\S+)", 1, "machine"));
}
