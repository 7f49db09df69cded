package dev.selfheal.redact;

import java.util.List;

/**
 * Secrets in the shapes scanners know, planted the way they leak: in code, config, a header, a URL,
 * a failure message. Values are made up (and built from pieces, so this file itself does not look
 * like a leak to a scanner).
 */
public final class SecretShapes {
  private SecretShapes() {}

  public record Shape(String name, String line, String secret) {}

  private static Shape s(String name, String line, String secret) {
    return new Shape(name, line.replace("§", secret), secret);
  }

  private static final String B62 = "Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB7aQ9";

  public static final List<Shape> ALL =
      List.of(
          s("github pat", "token: §", "ghp" + "_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"),
          s("github fine-grained", "export GH=§", "github" + "_pat_11ABCDEFG0" + B62 + "_xyz"),
          s("gitlab", "PRIVATE-TOKEN § in curl", "glpat" + "-Ab3dEf9hIj2LmN0pQr5T"),
          s("aws access key", "aws_access_key_id = §", "AKIA" + "IOSFODNN7EXAMPLQ"),
          s(
              "aws secret key",
              "aws_secret_access_key=§",
              "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY"),
          s("google api key", "const KEY = \"§\";", "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"),
          s("stripe live", "Stripe.apiKey = \"§\";", "sk" + "_live_" + "51H8xYzAbCdEfGhIjKlMn"),
          s("stripe restricted", "rk=§", "rk" + "_live_" + "9a8b7c6d5e4f3a2b1c0d"),
          s("slack bot", "slack: §", "xoxb" + "-123456789012-1234567890123-AbCdEfGhIjKlMnOp"),
          s(
              "slack webhook",
              "curl -X POST https://§",
              "hooks.slack.com/services/" + "T00000000/B00000000/" + "XXXXXXXXXXXXXXXXXXXXXXXX"),
          s(
              "discord webhook",
              "url=https://§",
              "discord.com/api/webhooks/" + "123456789012345678/" + "Ab3dEf9hIj2LmN0pQr5TuVwXyZ"),
          s("anthropic", "ANTHROPIC=§", "sk-ant" + "-api03-" + B62 + "-AA"),
          s("openai project", "client = OpenAI(api_key='§')", "sk" + "-proj-" + B62),
          s("bearer header", "Authorization: Bearer §", "mF_9.B5f-4.1JqM" + "tZ8xQwErTy"),
          s("basic header", "-H 'Authorization: Basic §'", "dXNlcjpwYXNz" + "d29yZDEyMw=="),
          s("token header", "authorization: token §", "5f2c" + "9a1b7e3d8c6f4a2b0e9d1c3b5a7f"),
          s("db pass env", "DB_PASS=§", "hunter2" + "Xy9"),
          s("smtp pwd env", "SMTP_PWD=§", "Tr0ub4dor" + "-and-3"),
          s("password yaml", "  password: \"§\"", "correct horse".replace(" ", "-") + "9"),
          s("jdbc url", "jdbc:postgresql://app:§@db.internal:5432/app", "pa55" + "w0rdX"),
          s(
              "sentry dsn",
              "SENTRY_DSN=https://§@o123456.ingest.sentry.io/42",
              "0123456789abcdef" + "0123456789abcdef"),
          s(
              "pgp private key",
              "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n§\n-----END PGP PRIVATE KEY BLOCK-----",
              "lQOYBF0Zx2kBCAC" + "9x7dPq3VbZ1mN5wR"),
          s(
              "rsa private key",
              "-----BEGIN RSA PRIVATE KEY-----\n§\n-----END RSA PRIVATE KEY-----",
              "MIIEowIBAAKCAQEA" + "3Tz2mr7SZiAMfQyu"),
          s(
              "private key in json",
              "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n§\\n-----END PRIVATE KEY-----\\n\"",
              "MIIEvQIBADANBgkq" + "hkiG9w0BAQEFAASC"),
          s(
              "jwt",
              "cookie: session=§",
              "eyJhbGciOiJIUzI1NiJ9"
                  + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0"
                  + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
          s("npm token", "//registry.npmjs.org/:_authToken=§", "npm" + "_" + B62),
          s(
              "sendgrid",
              "SENDGRID=§",
              "SG" + ".ngeVfQFYQlKU0ufo8x5d1A" + ".TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr"),
          s(
              "high entropy in a failure message",
              "AssertionFailedError: expected: <200> but was: <401> for request signed with §",
              "q7Rk2Lp9Xw3Vn8Tz5Yb1Mc6Hd4Jf0Gs2"),
          s(
              "hex token in a message",
              "IllegalStateException: invalid session token § (expired)",
              "9f8a7b6c5d4e3f2a" + "1b0c9d8e7f6a5b4c"),
          s(
              "azure storage",
              "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=§;",
              "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq"
                  + "/K1SZFPTOtr/KBHBeksoGMGw=="),
          s("telegram bot", "bot=§", "123456789" + ":AAH" + "dqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
          s("hashicorp vault", "VAULT_TOKEN=§", "hvs" + ".CAESIJ1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P"),
          s("netrc", "machine github.com login octocat password §", "s3cr3t" + "-netrc-pass"));

  /** A line of this project's own files that plants a shape on purpose (test fixtures). */
  static boolean planted(String line) {
    return ALL.stream().anyMatch(s -> line.contains(s.secret()));
  }
}
