import type { WritableDb } from "../handles.js";
import { REBUILD_SQL } from "./rollup-sql.js";

/**
 * Deletes and recomputes one dataset's rollup rows, in SQL, and records the dataset's row count and import time
 * as the marker that makes them usable. Call it inside the transaction that changed the dataset's facts, after
 * `datasets.row_count` and `imported_at` are final. A dataset that no longer exists is left with no rollups.
 */
export function rebuildRollups(db: WritableDb, datasetId: string): void {
  for (const sql of REBUILD_SQL) db.prepare(sql).run(datasetId);
}
