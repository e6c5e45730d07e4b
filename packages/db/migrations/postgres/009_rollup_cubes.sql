-- Each dataset's rollups as the server holds them in memory (src/rollups/cube-bytes.ts), written by the import
-- beside `fact_rollups` in the same transaction: a server starting reads one value per dataset instead of every
-- rollup row. Used only while `marker` is the dataset's (row count and import time); else the rows are read.
CREATE TABLE rollup_cubes (
  dataset_id TEXT PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
  marker     TEXT NOT NULL,
  bytes      BYTEA NOT NULL
);
