import type { WritableDb } from "../handles.js";
import { encodeSegment } from "./cube-bytes.js";
import { newCube, readSegmentRows, toMarker } from "./rollup-cube.js";
import { REBUILD_SCAN_SQL, REBUILD_SQL } from "./rollup-sql.js";

/**
 * Deletes and recomputes one dataset's rollup rows, in SQL (reading the whole table when the dataset is more than
 * half of it, see `rebuildSql`), and records the dataset's row count and import time
 * as the marker that makes them usable; then stores them as a server holds them in memory (`storeRollupCube`).
 * Call it inside the transaction that changed the dataset's facts, after `datasets.row_count` and `imported_at` are
 * final. A dataset that no longer exists is left with no rollups.
 */
export function rebuildRollups(db: WritableDb, datasetId: string): void {
  // The table's last id stands for its size (a count would read it all).
  const { facts, top } = db
    .prepare("SELECT (SELECT row_count FROM datasets WHERE id = ?) AS facts, (SELECT max(id) FROM facts) AS top")
    .get(datasetId) as { facts: number | null; top: number | null };
  const scan = (facts ?? 0) * 2 > (top ?? 0);
  for (const sql of scan ? REBUILD_SCAN_SQL : REBUILD_SQL) db.prepare(sql).run(datasetId);
  storeRollupCube(db, datasetId);
}

/**
 * Stores a dataset's rollup rows in `rollup_cubes` as a server holds them, one value per column, under its marker
 * (or nothing if it has no rollups).
 */
export function storeRollupCube(db: WritableDb, datasetId: string): void {
  db.prepare("DELETE FROM rollup_cubes WHERE dataset_id = ?").run(datasetId);
  const marker = db
    .prepare("SELECT row_count, imported_at FROM rollup_markers WHERE dataset_id = ?")
    .raw()
    .get(datasetId) as [number, string | null] | undefined;
  if (!marker) return;
  const cube = newCube();
  const segment = readSegmentRows(db, cube, datasetId, toMarker(...marker));
  const insert = db.prepare("INSERT INTO rollup_cubes (dataset_id, part, marker, bytes) VALUES (?, ?, ?, ?)");
  for (const [part, bytes] of encodeSegment(segment, cube)) insert.run(datasetId, part, segment.marker, bytes);
}

/**
 * Stores the rollups of every dataset whose stored copy is missing or of another marker: a database made before
 * `rollup_cubes` gets them once, when first opened for writing. Returns the datasets it stored.
 */
export function storeMissingRollupCubes(db: WritableDb): string[] {
  const missing = db
    .prepare(
      `SELECT m.dataset_id FROM rollup_markers m
       LEFT JOIN rollup_cubes c ON c.dataset_id = m.dataset_id AND c.part = 'header'
       WHERE c.marker IS NOT (CAST(m.row_count AS TEXT) || '|' || coalesce(m.imported_at, ''))`,
    )
    .pluck()
    .all() as string[];
  db.transaction(() => missing.forEach((id) => storeRollupCube(db, id)))();
  return missing;
}
