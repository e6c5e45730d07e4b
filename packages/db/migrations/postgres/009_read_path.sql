-- Each dataset's rollups as a server holds them in memory (src/rollups/cube-bytes.ts): a header and one part per
-- column, written by the import beside `fact_rollups` in the same transaction, so that a server starting reads a few
-- values per dataset instead of every rollup row. Used only while `marker` is the dataset's row count and import
-- time; else the rows are read.
CREATE TABLE rollup_cubes (
  dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  part       TEXT NOT NULL,
  marker     TEXT NOT NULL,
  bytes      BYTEA NOT NULL,
  PRIMARY KEY (dataset_id, part)
);

-- A vendor's facts by period, both ends in the index: a query of one vendor over a year reads that year's entries
-- (and counts the facts that overlap it only in part from the index alone), not every fact of the vendor. It
-- replaces migration 002's (metric, vendor_id, product_id, period_start): a product's facts have their own index.
DROP INDEX facts_metric_vendor;
CREATE INDEX facts_metric_vendor ON facts (metric, vendor_id, period_start, period_end);
