-- The rollup tables of ../003_rollups.sql with PostgreSQL's types. A PostgreSQL database starts empty at the
-- current schema, so there are no facts to roll up here: migration 008 fills them (from src/rollups/rollup-sql.ts).
CREATE TABLE fact_rollups (
  grain           TEXT NOT NULL CHECK (grain IN ('vd', 'vp')),
  dataset_id      TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  metric          TEXT NOT NULL,
  vendor_id       BIGINT,
  product_id      BIGINT,
  category        TEXT,
  destination     TEXT,
  period_start    TEXT NOT NULL,
  period_end      TEXT NOT NULL,
  granularity     TEXT NOT NULL,
  fact_count      BIGINT NOT NULL,
  value_sum       DOUBLE PRECISION,
  value_nulls     BIGINT NOT NULL,
  low_sum         DOUBLE PRECISION NOT NULL,
  high_sum        DOUBLE PRECISION NOT NULL,
  abs_sum         DOUBLE PRECISION NOT NULL,
  kind_rank       INTEGER NOT NULL,
  confidence_rank INTEGER,
  source_ids      TEXT NOT NULL,
  simple          INTEGER NOT NULL
);
CREATE INDEX fact_rollups_lookup ON fact_rollups (grain, metric, vendor_id, period_start);
CREATE INDEX fact_rollups_dataset ON fact_rollups (dataset_id);

CREATE TABLE rollup_periods (
  dataset_id   TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  PRIMARY KEY (dataset_id, period_start, period_end)
);

CREATE TABLE rollup_markers (
  dataset_id  TEXT PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
  row_count   BIGINT NOT NULL,
  imported_at TEXT
);
