-- Queries sum a dataset's rollups in memory (src/rollups/rollup-cube.ts), read whole by `dataset_id`; no statement
-- looks rollups up by grain, metric and vendor any more. Every import wrote this index for nothing.
DROP INDEX fact_rollups_lookup;
