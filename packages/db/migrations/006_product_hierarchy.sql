-- A product may contain others: Huawei's "Ascend 910B + 910C" holds the 910B and the 910C, NVIDIA's Data Center
-- holds the H20. A figure for a parent is the total of its children, never a sibling of them.

ALTER TABLE products ADD COLUMN parent_id INTEGER REFERENCES products (id);
-- The slugs from the root down to the product, each between slashes: "/huawei-ascend-all-models/huawei-ascend-910b/".
-- One product contains another when its path is a prefix of the other's.
ALTER TABLE products ADD COLUMN path TEXT;
UPDATE products SET path = '/' || slug || '/';

-- The rollups answer a query only where no product of its datasets sits in a hierarchy (see find-rollup-cells.ts).
CREATE INDEX fact_rollups_product ON fact_rollups (product_id, dataset_id);
