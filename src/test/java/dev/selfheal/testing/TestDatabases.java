package dev.selfheal.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server `.ci/run` starts on 127.0.0.1 ({@code SELFHEAL_TEST_PG_URL}, {@code _USER},
 * {@code _PASSWORD}): each call makes a fresh, empty database on it and returns the environment
 * that points selfheal's history there. Empty when no server was started (a developer's machine
 * without PostgreSQL).
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static boolean postgresAvailable() {
    String url = System.getenv("SELFHEAL_TEST_PG_URL");
    return url != null && !url.isBlank();
  }

  public static Optional<Map<String, String>> freshPostgres() {
    if (!postgresAvailable()) {
      return Optional.empty();
    }
    String admin = System.getenv("SELFHEAL_TEST_PG_URL");
    String user = System.getenv("SELFHEAL_TEST_PG_USER");
    String password = System.getenv("SELFHEAL_TEST_PG_PASSWORD");
    String name = "selfheal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(admin, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + admin, e);
    }
    String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    return Optional.of(
        Map.of("SELFHEAL_DB_URL", url, "SELFHEAL_DB_USER", user, "SELFHEAL_DB_PASSWORD", password));
  }
}
