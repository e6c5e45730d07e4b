-- Rollups for the query API at millions of facts: per dataset, metric and exact period, one row per vendor ×
-- destination (grain 'vd') and per vendor × product (grain 'vp'), with counts, sums and the weakest kind and
-- confidence of its facts. Filled by src/rollups/rollup-sql.ts (the statements below are generated from it and
-- kept in step by a test); rebuilt per dataset by `rebuildRollups` whenever a dataset's facts change. A dataset's
-- rollups are used only while `rollup_markers` matches its `row_count` and `imported_at`.
CREATE TABLE fact_rollups (
  grain           TEXT NOT NULL CHECK (grain IN ('vd', 'vp')),
  dataset_id      TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  metric          TEXT NOT NULL,
  vendor_id       INTEGER,
  product_id      INTEGER,
  category        TEXT,
  destination     TEXT,
  period_start    TEXT NOT NULL,
  period_end      TEXT NOT NULL,
  granularity     TEXT NOT NULL,
  fact_count      INTEGER NOT NULL,
  value_sum       REAL,                 -- sum of the non-NULL values
  value_nulls     INTEGER NOT NULL,     -- facts with no point value (a range only)
  low_sum         REAL NOT NULL,        -- sum of ifnull(low, value)
  high_sum        REAL NOT NULL,        -- sum of ifnull(high, value)
  abs_sum         REAL NOT NULL,        -- bound on every partial sum: sums of whole numbers below 2^53 are exact
  kind_rank       INTEGER NOT NULL,     -- weakest estimate kind: 3 reported, 2 estimate, 1 forecast
  confidence_rank INTEGER,              -- lowest confidence: 3 high, 2 medium, 1 low; NULL when none is given
  source_ids      TEXT NOT NULL,        -- distinct source ids, comma-separated
  simple          INTEGER NOT NULL      -- 1: its facts add up under the aggregation rules (see rollup-sql.ts)
);
CREATE INDEX fact_rollups_lookup ON fact_rollups (grain, metric, vendor_id, period_start);
CREATE INDEX fact_rollups_dataset ON fact_rollups (dataset_id);

CREATE TABLE rollup_periods (
  dataset_id   TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  PRIMARY KEY (dataset_id, period_start, period_end)
) WITHOUT ROWID;

CREATE TABLE rollup_markers (
  dataset_id  TEXT PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
  row_count   INTEGER NOT NULL,
  imported_at TEXT
) WITHOUT ROWID;

-- Rollups for the datasets already present.
INSERT INTO fact_rollups (grain, dataset_id, metric, vendor_id, product_id, category, destination,
  period_start, period_end, granularity, fact_count, value_sum, value_nulls, low_sum, high_sum, abs_sum,
  kind_rank, confidence_rank, source_ids, simple)
  SELECT 'vd', f.dataset_id, f.metric, f.vendor_id, NULL, NULL, f.destination,
  f.period_start, f.period_end, f.granularity, count(*), sum(f.value), count(*) - count(f.value),
  total(coalesce(f.low, f.value)), total(coalesce(f.high, f.value)),
  total(abs(coalesce(f.value, 0)) + abs(coalesce(f.low, f.value, 0)) + abs(coalesce(f.high, f.value, 0))),
  min(CASE f.estimate_kind WHEN 'reported' THEN 3 WHEN 'estimate' THEN 2 ELSE 1 END), min(CASE f.confidence WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END), group_concat(DISTINCT f.source_id),
  min(f.vendor_id IS NOT NULL AND (f.destination IS NOT NULL AND f.destination <> 'WLD') AND f.product_id IS NOT NULL AND (f.origin IS NOT NULL AND f.origin <> 'WLD') AND f.period_label IS NULL AND (f.value IS NULL OR f.value = round(f.value)) AND (f.low IS NULL OR f.low = round(f.low)) AND (f.high IS NULL OR f.high = round(f.high))) AND count(*) = count(DISTINCT f.product_id || '|' || f.origin)
  FROM facts f 
  GROUP BY f.dataset_id, f.metric, f.vendor_id, f.destination, f.period_start, f.period_end,
  f.granularity;
INSERT INTO fact_rollups (grain, dataset_id, metric, vendor_id, product_id, category, destination,
  period_start, period_end, granularity, fact_count, value_sum, value_nulls, low_sum, high_sum, abs_sum,
  kind_rank, confidence_rank, source_ids, simple)
  SELECT 'vp', f.dataset_id, f.metric, f.vendor_id, f.product_id, f.category, NULL,
  f.period_start, f.period_end, f.granularity, count(*), sum(f.value), count(*) - count(f.value),
  total(coalesce(f.low, f.value)), total(coalesce(f.high, f.value)),
  total(abs(coalesce(f.value, 0)) + abs(coalesce(f.low, f.value, 0)) + abs(coalesce(f.high, f.value, 0))),
  min(CASE f.estimate_kind WHEN 'reported' THEN 3 WHEN 'estimate' THEN 2 ELSE 1 END), min(CASE f.confidence WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END), group_concat(DISTINCT f.source_id),
  min(f.vendor_id IS NOT NULL AND f.product_id IS NOT NULL AND f.category IS NOT NULL AND (f.origin IS NOT NULL AND f.origin <> 'WLD') AND (f.destination IS NOT NULL AND f.destination <> 'WLD') AND f.period_label IS NULL AND (f.value IS NULL OR f.value = round(f.value)) AND (f.low IS NULL OR f.low = round(f.low)) AND (f.high IS NULL OR f.high = round(f.high))) AND count(*) = count(DISTINCT f.origin || '|' || f.destination)
  FROM facts f 
  GROUP BY f.dataset_id, f.metric, f.vendor_id, f.product_id, f.category, f.period_start, f.period_end,
  f.granularity;
INSERT INTO rollup_periods SELECT DISTINCT dataset_id, period_start, period_end FROM fact_rollups WHERE grain = 'vd';
INSERT INTO rollup_markers SELECT id, row_count, imported_at FROM datasets;
