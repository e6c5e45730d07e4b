-- Indexes for the query API. Every query filters on one metric (or pages all facts by period), then on a few
-- dimensions and a period range; each index leads with the column a filter pins and ends with period_start so a
-- range scan stays inside the index.
CREATE INDEX facts_metric_destination ON facts (metric, destination, period_start);
CREATE INDEX facts_metric_origin ON facts (metric, origin, period_start);
CREATE INDEX facts_metric_vendor ON facts (metric, vendor_id, product_id, period_start);
CREATE INDEX facts_metric_product ON facts (metric, product_id, period_start);
-- The facts page: keyset paging by period then id.
CREATE INDEX facts_period_id ON facts (period_start, id);
