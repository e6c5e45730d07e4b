-- Rollups pre-grouped by calendar quarter and year, for series at those intervals: per interval, grain, dataset,
-- metric and bucket, the sums of the `fact_rollups` rows whose period lies within that one bucket (longer or
-- straddling periods stay in `fact_rollups` only). `simple` is 1 when every row summed is simple. Filled by
-- src/rollups/rollup-sql.ts (kept in step by a test) and rebuilt with `fact_rollups` by `rebuildRollups`.
CREATE TABLE fact_rollup_buckets (
  interval         TEXT NOT NULL CHECK (interval IN ('quarter', 'year')),
  grain            TEXT NOT NULL,
  dataset_id       TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  metric           TEXT NOT NULL,
  vendor_id        INTEGER,
  product_id       INTEGER,
  category         TEXT,
  destination      TEXT,
  bucket_start     TEXT NOT NULL,
  bucket_end       TEXT NOT NULL,
  fact_count       INTEGER NOT NULL,
  value_sum        REAL,
  value_nulls      INTEGER NOT NULL,
  low_sum          REAL NOT NULL,
  high_sum         REAL NOT NULL,
  abs_sum          REAL NOT NULL,
  kind_rank        INTEGER NOT NULL,
  confidence_rank  INTEGER,
  source_ids       TEXT NOT NULL,        -- the rows' source id lists joined by commas (may repeat ids)
  granularity_rank INTEGER NOT NULL,     -- the coarsest granularity of the rows (GRANULARITY_RANK)
  period_start     TEXT NOT NULL,        -- earliest period start of the rows
  period_end       TEXT NOT NULL,        -- latest period end of the rows
  simple           INTEGER NOT NULL
);
CREATE INDEX fact_rollup_buckets_lookup ON fact_rollup_buckets (interval, grain, metric, vendor_id, bucket_start);
CREATE INDEX fact_rollup_buckets_bucket ON fact_rollup_buckets (interval, grain, metric, bucket_start);
CREATE INDEX fact_rollup_buckets_dataset ON fact_rollup_buckets (dataset_id);

-- Buckets for the datasets already present.
INSERT INTO fact_rollup_buckets (interval, grain, dataset_id, metric, vendor_id, product_id, category,
    destination, bucket_start, bucket_end, fact_count, value_sum, value_nulls, low_sum, high_sum, abs_sum, kind_rank,
    confidence_rank, source_ids, granularity_rank, period_start, period_end, simple)
  SELECT interval, grain, dataset_id, metric, vendor_id, product_id, category, destination, bs, be, sum(fact_count),
    sum(value_sum), sum(value_nulls), sum(low_sum), sum(high_sum), sum(abs_sum), min(kind_rank), min(confidence_rank),
    group_concat(source_ids), max(granularity_rank), min(period_start), max(period_end), min(simple)
  FROM (SELECT *, date(bs, CASE interval WHEN 'year' THEN '+12 months' ELSE '+3 months' END, '-1 day') AS be
    FROM (SELECT i.interval, r.*, CASE r.granularity WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'quarter' THEN 2 WHEN 'half' THEN 3 WHEN 'year' THEN 4 WHEN 'span' THEN 5 END AS granularity_rank, CASE i.interval WHEN 'year' THEN substr(r.period_start, 1, 5) || '01-01'
  ELSE substr(r.period_start, 1, 5) || printf('%02d', (CAST(substr(r.period_start, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1)
  || '-01' END AS bs
      FROM fact_rollups r CROSS JOIN (SELECT 'quarter' AS interval UNION ALL SELECT 'year') i ))
  WHERE period_end <= be
  GROUP BY interval, grain, dataset_id, metric, vendor_id, product_id, category, destination, bs;
