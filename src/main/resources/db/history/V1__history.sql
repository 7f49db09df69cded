-- selfheal's history: one row per heal, its failures, and its PR's outcome.
-- The same schema on SQLite and PostgreSQL: times are epoch milliseconds, flags are integers.
CREATE TABLE heal_attempt (
  id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
  repo               VARCHAR(500) NOT NULL,
  commit_sha         VARCHAR(64),
  branch             VARCHAR(255),
  started_at         BIGINT       NOT NULL,
  status             VARCHAR(32)  NOT NULL,
  category           VARCHAR(32),
  strategy           VARCHAR(255),
  message            TEXT,
  retries            INTEGER      NOT NULL,
  files_changed      INTEGER      NOT NULL,
  lines_changed      INTEGER      NOT NULL,
  files_touched      TEXT,
  detect_ms          BIGINT       NOT NULL,
  diagnose_ms        BIGINT       NOT NULL,
  fix_ms             BIGINT       NOT NULL,
  validate_ms        BIGINT       NOT NULL,
  deliver_ms         BIGINT       NOT NULL,
  total_ms           BIGINT       NOT NULL,
  llm_model          VARCHAR(255),
  llm_input_tokens   BIGINT       NOT NULL,
  llm_output_tokens  BIGINT       NOT NULL,
  llm_cost_usd       DOUBLE PRECISION NOT NULL,
  pr_url             VARCHAR(500),
  pr_state           VARCHAR(16),
  pr_further_commits INTEGER,
  pr_ci              VARCHAR(16),
  pr_checked_at      BIGINT
);

CREATE INDEX heal_attempt_repo_time ON heal_attempt (repo, started_at);
CREATE INDEX heal_attempt_pr ON heal_attempt (pr_url);

CREATE TABLE heal_failure (
  attempt_id  VARCHAR(64)  NOT NULL REFERENCES heal_attempt (id),
  position    INTEGER      NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  fingerprint VARCHAR(64)  NOT NULL,
  file        VARCHAR(1000),
  PRIMARY KEY (attempt_id, position)
);

CREATE INDEX heal_failure_fingerprint ON heal_failure (fingerprint);
