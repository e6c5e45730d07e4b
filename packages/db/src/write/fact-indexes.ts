import type { WritableDb } from "../handles.js";

/** An index of `facts` as its schema declares it. */
export interface SavedIndex {
  name: string;
  sql: string;
}

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
 * one file), the unique index cannot be built: every copy after the first is removed and the build retried. Returns
 * the ids of the removed copies, so that the import reports them (and, unless it skips invalid rows, rolls back).
 */
export function restoreFactIndexes(db: WritableDb, saved: SavedIndex[], firstNewId: number): number[] {
  let repeated: number[] = [];
  for (const index of saved) {
    try {
      db.exec(index.sql);
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_UNIQUE") throw error;
      repeated = removeRepeatedFacts(db, firstNewId);
      db.exec(index.sql);
    }
  }
  return repeated;
}

function removeRepeatedFacts(db: WritableDb, firstNewId: number): number[] {
  const repeated = db
    .prepare(
      `SELECT id FROM facts WHERE id >= ? AND id NOT IN (SELECT min(id) FROM facts WHERE id >= ? GROUP BY ${NATURAL_KEY})
       ORDER BY id`,
    )
    .pluck()
    .all(firstNewId, firstNewId) as number[];
  const remove = db.prepare("DELETE FROM facts WHERE id = ?");
  for (const id of repeated) remove.run(id);
  return repeated;
}
