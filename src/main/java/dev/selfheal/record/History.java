package dev.selfheal.record;

import dev.selfheal.model.Category;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Status;
import dev.selfheal.redact.Redactor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every heal, recorded: the only code in selfheal that talks to a database. Text is redacted before
 * it is stored. Each write is one short transaction, so parallel heals lose nothing.
 */
public final class History {
  private final Database db;
  private final Redactor redactor;

  private History(Database db, Redactor redactor) {
    this.db = db;
    this.redactor = redactor;
  }

  /** Opens (and on first use creates or migrates) the history the environment names. */
  public static History open(Map<String, String> env, Path stateDir, Redactor redactor)
      throws HistoryException {
    Database db = Database.from(env, stateDir);
    db.migrate();
    return new History(db, redactor);
  }

  public void record(Attempt a) throws HistoryException {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try {
        insert(c, a);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new HistoryException(
          "cannot record the heal in " + db.describe() + ": " + e.getMessage(), e);
    }
  }

  private void insert(Connection c, Attempt a) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO heal_attempt (id, repo, commit_sha, branch, started_at, status, category,"
                + " strategy, message, retries, files_changed, lines_changed, files_touched,"
                + " detect_ms, diagnose_ms, fix_ms, validate_ms, deliver_ms, total_ms, llm_model,"
                + " llm_input_tokens, llm_output_tokens, llm_cost_usd, pr_url, pr_state,"
                + " pr_further_commits, pr_ci, pr_checked_at, headline)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      int i = 1;
      s.setString(i++, a.id());
      s.setString(i++, redactor.redact(a.repo()));
      s.setString(i++, a.commitSha());
      s.setString(i++, a.branch());
      s.setLong(i++, a.startedAt().toEpochMilli());
      s.setString(i++, a.status().wire());
      s.setString(i++, a.category() == null ? null : a.category().wire());
      s.setString(i++, a.strategy());
      s.setString(i++, a.message() == null ? null : redactor.redact(a.message()));
      s.setInt(i++, a.retries());
      s.setInt(i++, a.filesChanged());
      s.setInt(i++, a.linesChanged());
      s.setString(i++, redactor.redact(String.join("\n", a.filesTouched())));
      Attempt.Timings t = a.timings();
      for (long v :
          new long[] {t.detect(), t.diagnose(), t.fix(), t.validate(), t.deliver(), t.total()}) {
        s.setLong(i++, v);
      }
      s.setString(i++, a.llmModel());
      s.setLong(i++, a.llmInputTokens());
      s.setLong(i++, a.llmOutputTokens());
      s.setDouble(i++, a.llmCostUsd());
      s.setString(i++, a.prUrl());
      i = setPr(s, i, a.pr());
      s.setString(i, a.headline() == null ? null : redactor.redact(a.headline()));
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO heal_failure (attempt_id, position, kind, fingerprint, file) VALUES (?,?,?,?,?)")) {
      int pos = 0;
      for (Attempt.FailureRef f : a.failures()) {
        s.setString(1, a.id());
        s.setInt(2, pos++);
        s.setString(3, f.kind().wire());
        s.setString(4, f.fingerprint());
        s.setString(5, f.file() == null ? null : redactor.redact(f.file()));
        s.addBatch();
      }
      if (pos > 0) {
        s.executeBatch();
      }
    }
  }

  private static int setPr(PreparedStatement s, int i, Attempt.PrOutcome pr) throws SQLException {
    s.setString(i++, pr.state() == null ? null : pr.state().name().toLowerCase(Locale.ROOT));
    if (pr.furtherCommits() == null) {
      s.setNull(i++, Types.INTEGER);
    } else {
      s.setInt(i++, pr.furtherCommits() ? 1 : 0);
    }
    s.setString(i++, pr.ci() == null ? null : pr.ci().name().toLowerCase(Locale.ROOT));
    if (pr.checkedAt() == null) {
      s.setNull(i++, Types.BIGINT);
    } else {
      s.setLong(i++, pr.checkedAt().toEpochMilli());
    }
    return i;
  }

  /** What became of a PR; returns how many recorded heals it updated. */
  public int updatePr(String prUrl, Attempt.PrOutcome outcome) throws HistoryException {
    try (Connection c = db.connect()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE heal_attempt SET pr_state = ?, pr_further_commits = ?, pr_ci = ?,"
                  + " pr_checked_at = ? WHERE pr_url = ?")) {
        int i = setPr(s, 1, outcome);
        s.setString(i, prUrl);
        return s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new HistoryException(
          "cannot update " + prUrl + " in " + db.describe() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The recorded heals, oldest first.
   *
   * @param since only heals that started then or later (null: all)
   * @param repo only heals of repositories whose recorded path or name ends with this (null: all)
   */
  public List<Attempt> attempts(Instant since, String repo) throws HistoryException {
    String where =
        " WHERE started_at >= ?" + (repo == null ? "" : " AND (repo = ? OR repo LIKE ?)");
    try (Connection c = db.connect()) {
      Map<String, List<Attempt.FailureRef>> failures = new HashMap<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT f.attempt_id, f.kind, f.fingerprint, f.file FROM heal_failure f"
                  + " JOIN heal_attempt a ON a.id = f.attempt_id"
                  + where.replace("started_at", "a.started_at").replace("repo", "a.repo")
                  + " ORDER BY f.attempt_id, f.position")) {
        bind(s, since, repo);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            failures
                .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                .add(
                    new Attempt.FailureRef(
                        FailureKind.fromWire(r.getString(2)), r.getString(3), r.getString(4)));
          }
        }
      }
      Map<String, Attempt> out = new LinkedHashMap<>();
      try (PreparedStatement s =
          c.prepareStatement("SELECT * FROM heal_attempt" + where + " ORDER BY started_at, id")) {
        bind(s, since, repo);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            Attempt a = read(r, failures.getOrDefault(r.getString("id"), List.of()));
            out.put(a.id(), a);
          }
        }
      }
      return new ArrayList<>(out.values());
    } catch (SQLException | IllegalArgumentException e) {
      throw new HistoryException(
          "cannot read the history in " + db.describe() + ": " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement s, Instant since, String repo) throws SQLException {
    s.setLong(1, since == null ? Long.MIN_VALUE : since.toEpochMilli());
    if (repo != null) {
      s.setString(2, repo);
      s.setString(3, "%/" + repo.replace("%", "").replace("_", "\\_"));
    }
  }

  private static Attempt read(ResultSet r, List<Attempt.FailureRef> failures) throws SQLException {
    String touched = r.getString("files_touched");
    String category = r.getString("category");
    String prState = r.getString("pr_state");
    int further = r.getInt("pr_further_commits");
    Boolean furtherCommits = r.wasNull() ? null : further != 0;
    String ci = r.getString("pr_ci");
    long checked = r.getLong("pr_checked_at");
    Instant checkedAt = r.wasNull() ? null : Instant.ofEpochMilli(checked);
    return new Attempt(
        r.getString("id"),
        r.getString("repo"),
        r.getString("commit_sha"),
        r.getString("branch"),
        Instant.ofEpochMilli(r.getLong("started_at")),
        Status.fromWire(r.getString("status")),
        category == null ? null : Category.fromWire(category),
        r.getString("strategy"),
        r.getString("message"),
        r.getInt("retries"),
        r.getInt("files_changed"),
        r.getInt("lines_changed"),
        touched == null || touched.isEmpty() ? List.of() : List.of(touched.split("\n")),
        new Attempt.Timings(
            r.getLong("detect_ms"),
            r.getLong("diagnose_ms"),
            r.getLong("fix_ms"),
            r.getLong("validate_ms"),
            r.getLong("deliver_ms"),
            r.getLong("total_ms")),
        r.getString("llm_model"),
        r.getLong("llm_input_tokens"),
        r.getLong("llm_output_tokens"),
        r.getDouble("llm_cost_usd"),
        r.getString("pr_url"),
        new Attempt.PrOutcome(
            prState == null ? null : Attempt.PrState.valueOf(prState.toUpperCase(Locale.ROOT)),
            furtherCommits,
            ci == null ? null : Attempt.CiConclusion.valueOf(ci.toUpperCase(Locale.ROOT)),
            checkedAt),
        failures,
        r.getString("headline"));
  }
}
