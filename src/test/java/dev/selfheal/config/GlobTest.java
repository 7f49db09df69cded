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
}
