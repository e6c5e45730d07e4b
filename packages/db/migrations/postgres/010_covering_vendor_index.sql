-- A vendor's facts by period, with every column a flow adds up (see the SQLite migration of the same name): an
-- index-only scan reads a vendor's year without visiting the table. The extra columns are carried, not keyed.
DROP INDEX facts_metric_vendor;
CREATE INDEX facts_metric_vendor ON facts (metric, vendor_id, period_start, period_end)
  INCLUDE (dataset_id, source_id, product_id, category, origin, destination, value, low, high, estimate_kind, confidence);
