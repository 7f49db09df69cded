package dev.selfheal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "**/migrations/**, migrations/V1__init.sql, true",
    "**/migrations/**, db/migrations/V1__init.sql, true",
    "**/migrations/**, src/migrationsx/a.sql, false",
    "**/migrations/**, migrations, true",
    "**/.env*, .env, true",
    "**/.env*, config/.env.local, true",
    "**/.env*, src/env.txt, false",
    "**/secrets/**, a/b/secrets/key.pem, true",
    "**/auth/**, src/main/java/com/acme/auth/Login.java, true",
    "**/auth/**, src/main/java/com/acme/author/Book.java, false",
    ".git/**, .git/config, true",
    ".github/**, .github/workflows/ci.yml, true",
    ".github/**, docs/.github/x, false",
    ".selfheal.yml, .selfheal.yml, true",
    ".selfheal.yml, sub/.selfheal.yml, true",
    "*.lock, yarn.lock, true",
    "*.lock, deep/dir/poetry.lock, true",
    "/pom.xml, pom.xml, true",
    "/pom.xml, core/pom.xml, false",
    "build/, build/classes/A.class, true",
    "src/*/Foo.java, src/main/Foo.java, true",
    "src/*/Foo.java, src/main/java/Foo.java, false",
    "src/**/Foo.java, src/main/java/Foo.java, true",
    "src/**/Foo.java, src/Foo.java, true",
    "a?c.txt, abc.txt, true",
    "a?c.txt, a/c.txt, false"
  })
  void gitignoreSemantics(String glob, String path, boolean expected) {
    assertThat(Glob.of(glob).matches(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "config/[ab]*.yml, config/app.yml, true",
    "config/[ab]*.yml, config/base.yml, true",
    "config/[ab]*.yml, config/core.yml, false",
    "config/[!ab]*.yml, config/core.yml, true",
    "config/[!ab]*.yml, config/app.yml, false",
    "v[0-9].sql, db/v7.sql, true",
    "v[0-9].sql, db/vx.sql, false",
    "file\\*.txt, file*.txt, true",
    "file\\*.txt, fileX.txt, false",
    "**/**/**/secret, a/b/secret, true",
    "**/**/**/secret, secret, true"
  })
  void characterClassesAndEscapes(String glob, String path, boolean expected) {
    assertThat(Glob.of(glob).matches(path)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void pathsAreMatchedAsWrittenNeverNormalised() {
    assertThat(Glob.of(".github/**").matches("./.github/workflows/ci.yml")).isFalse();
    SelfhealConfig.Safety s = SelfhealConfig.defaults().safety();
    assertThat(s.isForbidden(".//.github/workflows/ci.yml")).as("fails closed").isTrue();
    assertThat(s.isForbidden("src//auth/x")).isTrue();
    assertThat(s.isForbidden("lib/sub/.git/config")).isTrue();
    assertThat(s.isForbidden("src/main/A.java")).isFalse();
  }

  @org.junit.jupiter.api.Test
  void negationReincludesOnlyWhatTheUsersOwnPatternsExcluded() {
    SelfhealConfig.Safety s =
        new SelfhealConfig.Safety(
            3,
            50,
            SelfhealConfig.Safety.withDefaults(
                java.util.List.of("config/**", "!config/app.yml", "!src/auth/**")),
            2,
            0.7,
            false);
    assertThat(s.isForbidden("config/db.yml")).isTrue();
    assertThat(s.isForbidden("config/app.yml")).isFalse();
    assertThat(s.isForbidden("src/auth/Login.java")).as("a default holds").isTrue();
  }

  @org.junit.jupiter.api.Test
  void unsupportedSyntaxIsRejectedNotIgnored() {
    for (String g : java.util.List.of("config/[ab.yml", "[[:alpha:]]*", "#comment", "!", "a//b")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Glob.of(g))
          .as(g)
          .isInstanceOf(Glob.Invalid.class);
    }
  }

  @org.junit.jupiter.api.Test
  void degenerateGlobsMatchInLinearTime() {
    String glob = "**/".repeat(200) + "x" + "*a".repeat(50) + "b";
    String path = "d/".repeat(500) + "x" + "a".repeat(5000);
    long t0 = System.nanoTime();
    assertThat(Glob.of(glob).matches(path)).isFalse();
    assertThat(System.nanoTime() - t0).as("no backtracking blow-up").isLessThan(10_000_000_000L);
  }
}
