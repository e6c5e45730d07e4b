import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import { prepareCached } from "../queries/find-facts-for-query.js";

/**
 * How many datasets (of `datasets`, a JSON list, or of all when `null`) have rollups that do not match their facts:
 * none stored, or stored for another row count or import time than the dataset's. Rollups answer for a dataset
 * only when this is 0.
 */
export function countStaleRollups(db: ReadonlyDb, datasets: string | null = null): number {
  return prepareCached(
    db,
    `SELECT count(*) FROM datasets d LEFT JOIN rollup_markers m ON m.dataset_id = d.id
     WHERE (m.dataset_id IS NULL OR m.row_count IS DISTINCT FROM d.row_count
         OR m.imported_at IS DISTINCT FROM d.imported_at)
       AND (? IS NULL OR d.id IN ${dialectOf(db).jsonList("?")})`,
  )
    .pluck()
    .get(datasets, datasets) as number;
}
