import type { WritableDb } from "../handles.js";

/** An index of `facts` as its schema declares it. */
export interface SavedIndex {
  name: string;
  sql: string;
}

const UPDATED_COLUMNS = [
  "category",
  "granularity",
  "period_label",
  "value",
  "low",
  "high",
  "estimate_kind",
  "confidence",
  "note",
] as const;
const NATURAL_KEY = `dataset_id, metric, ifnull(vendor_id, 0), ifnull(product_id, 0), ifnull(origin, ''),
  ifnull(destination, ''), ifnull(buyer_id, 0), period_start, period_end, source_id`;

/**
 * Drops the indexes of `facts` (inside the caller's transaction) so that a bulk import appends rows without
 * updating eight B-trees row by row; `restoreFactIndexes` builds them again, sorted once, before the commit.
 * A crash in between rolls the drop back with everything else.
 */
export function dropFactIndexes(db: WritableDb): SavedIndex[] {
  if (!db.inTransaction) throw new Error("dropFactIndexes must run inside the import's transaction");
  const saved = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'facts' AND sql IS NOT NULL")
    .all() as SavedIndex[];
  for (const index of saved) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return saved;
}

/**
 * Builds the dropped indexes again. When rows written since `firstNewId` share a natural key (the same fact twice in
 * one file), the unique index cannot be built: those rows are then merged as the row-by-row upsert would have (the
 * first row keeps its id and takes the values of the last one, the others are removed) and the build is retried.
 */
export function restoreFactIndexes(db: WritableDb, saved: SavedIndex[], firstNewId: number): void {
  for (const index of saved) {
    try {
      db.exec(index.sql);
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_UNIQUE") throw error;
      mergeDuplicateFacts(db, firstNewId);
      db.exec(index.sql);
    }
  }
}

function mergeDuplicateFacts(db: WritableDb, firstNewId: number): void {
  const duplicates = db
    .prepare(
      `SELECT min(id) AS keep, max(id) AS last FROM facts WHERE id >= ? GROUP BY ${NATURAL_KEY} HAVING count(*) > 1`,
    )
    .all(firstNewId) as { keep: number; last: number }[];
  if (duplicates.length === 0) return;
  const set = UPDATED_COLUMNS.map((c) => `${c} = (SELECT ${c} FROM facts l WHERE l.id = @last)`).join(", ");
  const merge = db.prepare(`UPDATE facts SET ${set} WHERE id = @keep`);
  for (const d of duplicates) merge.run(d);
  db.prepare(
    `DELETE FROM facts WHERE id >= ? AND id NOT IN (SELECT min(id) FROM facts WHERE id >= ? GROUP BY ${NATURAL_KEY})`,
  ).run(firstNewId, firstNewId);
}
