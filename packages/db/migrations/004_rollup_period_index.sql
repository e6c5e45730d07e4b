-- Rollup queries look rows up once per distinct period; without a vendor filter they need the period first.
CREATE INDEX fact_rollups_period ON fact_rollups (grain, metric, period_start, period_end);
