-- ../006_product_hierarchy.sql, with the parent's id as wide as the ids it points at.

ALTER TABLE products ADD COLUMN parent_id BIGINT REFERENCES products (id);
ALTER TABLE products ADD COLUMN path TEXT;
UPDATE products SET path = '/' || slug || '/';

CREATE INDEX fact_rollups_product ON fact_rollups (product_id, dataset_id);
