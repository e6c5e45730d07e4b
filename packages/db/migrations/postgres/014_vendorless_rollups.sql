-- ../014_vendorless_rollups.sql on PostgreSQL: the same statements from src/rollups/rollup-sql.ts, written in
-- PostgreSQL's dialect (kept in step by a test).
CREATE TEMP TABLE vendorless_datasets AS SELECT DISTINCT dataset_id FROM fact_rollups WHERE vendor_id IS NULL;
DELETE FROM fact_rollups WHERE dataset_id IN (SELECT dataset_id FROM vendorless_datasets);
DELETE FROM rollup_periods WHERE dataset_id IN (SELECT dataset_id FROM vendorless_datasets);
DELETE FROM rollup_markers WHERE dataset_id IN (SELECT dataset_id FROM vendorless_datasets);
DELETE FROM rollup_cubes WHERE dataset_id IN (SELECT dataset_id FROM vendorless_datasets);

INSERT INTO fact_rollups (grain, dataset_id, metric, vendor_id, product_id, category, destination,
      period_start, period_end, granularity, fact_count, value_sum, value_nulls, low_sum, high_sum, abs_sum,
      kind_rank, confidence_rank, source_ids, simple)
    SELECT 'vd', f.dataset_id, f.metric, f.vendor_id, NULL, f.category, f.destination,
      f.period_start, f.period_end, f.granularity, count(*), sum(f.value), count(*) - count(f.value),
      coalesce(sum(coalesce(f.low, f.value))::float8, 0), coalesce(sum(coalesce(f.high, f.value))::float8, 0),
      coalesce(sum(abs(coalesce(f.value, 0)) + abs(coalesce(f.low, f.value, 0)) + abs(coalesce(f.high, f.value, 0)))::float8, 0),
      min(CASE f.estimate_kind WHEN 'reported' THEN 3 WHEN 'estimate' THEN 2 ELSE 1 END), min(CASE f.confidence WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END), string_agg(DISTINCT (f.source_id)::text, ','),
      (CASE WHEN bool_and((f.destination IS NOT NULL AND f.destination <> 'WLD') AND f.category IS NOT NULL AND f.product_id IS NOT NULL AND (f.origin IS NOT NULL AND f.origin <> 'WLD') AND f.period_label IS NULL AND (f.value IS NULL OR f.value = round(f.value)) AND (f.low IS NULL OR f.low = round(f.low)) AND (f.high IS NULL OR f.high = round(f.high))) AND count(*) = count(DISTINCT f.product_id || '|' || f.origin) THEN 1 ELSE 0 END)
    FROM facts f WHERE f.dataset_id IN (SELECT dataset_id FROM vendorless_datasets)
    GROUP BY f.dataset_id, f.metric, f.vendor_id, f.destination, f.category, f.period_start, f.period_end,
      f.granularity;
INSERT INTO fact_rollups (grain, dataset_id, metric, vendor_id, product_id, category, destination,
      period_start, period_end, granularity, fact_count, value_sum, value_nulls, low_sum, high_sum, abs_sum,
      kind_rank, confidence_rank, source_ids, simple)
    SELECT 'vp', f.dataset_id, f.metric, f.vendor_id, f.product_id, f.category, NULL,
      f.period_start, f.period_end, f.granularity, count(*), sum(f.value), count(*) - count(f.value),
      coalesce(sum(coalesce(f.low, f.value))::float8, 0), coalesce(sum(coalesce(f.high, f.value))::float8, 0),
      coalesce(sum(abs(coalesce(f.value, 0)) + abs(coalesce(f.low, f.value, 0)) + abs(coalesce(f.high, f.value, 0)))::float8, 0),
      min(CASE f.estimate_kind WHEN 'reported' THEN 3 WHEN 'estimate' THEN 2 ELSE 1 END), min(CASE f.confidence WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END), string_agg(DISTINCT (f.source_id)::text, ','),
      (CASE WHEN bool_and(f.product_id IS NOT NULL AND f.category IS NOT NULL AND (f.origin IS NOT NULL AND f.origin <> 'WLD') AND (f.destination IS NOT NULL AND f.destination <> 'WLD') AND f.period_label IS NULL AND (f.value IS NULL OR f.value = round(f.value)) AND (f.low IS NULL OR f.low = round(f.low)) AND (f.high IS NULL OR f.high = round(f.high))) AND count(*) = count(DISTINCT f.origin || '|' || f.destination) THEN 1 ELSE 0 END)
    FROM facts f WHERE f.dataset_id IN (SELECT dataset_id FROM vendorless_datasets)
    GROUP BY f.dataset_id, f.metric, f.vendor_id, f.product_id, f.category, f.period_start, f.period_end,
      f.granularity;
INSERT INTO rollup_periods SELECT DISTINCT dataset_id, period_start, period_end FROM fact_rollups
    WHERE grain = 'vd' AND dataset_id IN (SELECT dataset_id FROM vendorless_datasets);
INSERT INTO rollup_markers SELECT id, row_count, imported_at FROM datasets WHERE id IN (SELECT dataset_id FROM vendorless_datasets);
DROP TABLE vendorless_datasets;
