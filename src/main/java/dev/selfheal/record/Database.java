package dev.selfheal.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * Where the history lives: SQLite under the state directory by default, or {@code SELFHEAL_DB_URL}
 * ({@code jdbc:sqlite:…} or {@code jdbc:postgresql://…} with {@code SELFHEAL_DB_USER} / {@code
 * SELFHEAL_DB_PASSWORD}). The schema is migrated by Flyway on first use; on SQLite under a file
 * lock, because Flyway does not serialise concurrent SQLite migrations (PostgreSQL's own advisory
 * lock does that for PostgreSQL).
 */
final class Database {
  private static final Object JVM_LOCK = new Object(); // a file lock is per process, not per thread

  /** Databases this process has migrated already: many heals in one process (eval) migrate once. */
  private static final java.util.Set<String> MIGRATED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final String url;
  private final String user;
  private final String password;
  private final Path sqliteFile;

  private Database(String url, String user, String password, Path sqliteFile) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.sqliteFile = sqliteFile;
  }

  static Database from(Map<String, String> env, Path stateDir) throws HistoryException {
    String url = env.get("SELFHEAL_DB_URL");
    if (url == null || url.isBlank()) {
      Path file = stateDir.resolve("history.db");
      return new Database("jdbc:sqlite:" + file, null, null, file);
    }
    url = url.strip();
    if (url.startsWith("jdbc:sqlite:")) {
      String path = url.substring("jdbc:sqlite:".length());
      int q = path.indexOf('?');
      return new Database(url, null, null, Path.of(q < 0 ? path : path.substring(0, q)));
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new Database(url, env.get("SELFHEAL_DB_USER"), env.get("SELFHEAL_DB_PASSWORD"), null);
    }
    throw new HistoryException(
        "SELFHEAL_DB_URL must start with jdbc:sqlite: or jdbc:postgresql: (got "
            + url.replaceAll("//[^/@]*@", "//…@")
            + ")",
        null);
  }

  boolean isSqlite() {
    return sqliteFile != null;
  }

  /** Where it is, for messages: never the password. */
  String describe() {
    return isSqlite() ? sqliteFile.toString() : url.replaceAll("//[^/@]*@", "//…@");
  }

  Connection connect() throws SQLException {
    if (isSqlite()) {
      SQLiteConfig c = new SQLiteConfig();
      c.setJournalMode(SQLiteConfig.JournalMode.WAL);
      c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      c.setBusyTimeout(60_000);
      // BEGIN IMMEDIATE: a writer takes the lock up front, so two writers wait, never deadlock.
      c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      c.enforceForeignKeys(true);
      return c.createConnection(url);
    }
    return DriverManager.getConnection(url, user, password);
  }

  void migrate() throws HistoryException {
    if (MIGRATED.contains(url)) {
      return;
    }
    try {
      if (!isSqlite()) {
        flyway();
        MIGRATED.add(url);
        return;
      }
      Path dir = sqliteFile.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      synchronized (JVM_LOCK) {
        try (FileChannel ch =
                FileChannel.open(
                    dir.resolve(sqliteFile.getFileName() + ".migrate.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = ch.lock()) {
          try (Connection c = connect()) {
            c.createStatement().close(); // sets WAL on the file before Flyway's connections
          }
          flyway();
        }
      }
      MIGRATED.add(url);
    } catch (IOException | SQLException | RuntimeException e) {
      throw new HistoryException(
          "cannot prepare the history database at " + describe() + ": " + e.getMessage(), e);
    }
  }

  private void flyway() {
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/history")
        .table("selfheal_schema_history")
        .load()
        .migrate();
  }
}
