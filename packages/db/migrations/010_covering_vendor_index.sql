-- A vendor's facts by period, with every column a flow adds up: a flow of one vendor over a year reads that year's
-- entries from the index alone, side by side, rather than one table page per fact (at 10M facts a vendor's year is
-- 14,000 facts spread over the whole table). It replaces migration 009's (metric, vendor_id, period_start,
-- period_end), which it begins with.
DROP INDEX facts_metric_vendor;
CREATE INDEX facts_metric_vendor ON facts (
  metric, vendor_id, period_start, period_end,
  dataset_id, source_id, product_id, category, origin, destination, value, low, high, estimate_kind, confidence
);
