import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import type { SqlStatement } from "../sql-db.js";

/** PostgreSQL's change marker: the write-ahead log's position, replayed on a replica, written on a primary. */
export const POSTGRES_CHANGE_MARKER = "SELECT coalesce(pg_last_wal_replay_lsn(), pg_current_wal_insert_lsn())::text";

const statements = new WeakMap<ReadonlyDb, SqlStatement>();

/**
 * SQLite's change marker: `data_version` moves when another connection commits, `total_changes()` when this one
 * writes.
 */
export const SQLITE_CHANGE_MARKER = "SELECT data_version || '/' || total_changes() FROM pragma_data_version";

/**
 * A token that changes whenever the data may have changed, cheap enough to ask on every request: SQLite's
 * `data_version` with this connection's own count of changes; on PostgreSQL the write-ahead log's insert position
 * (it moves with any write to the server, or as a replica replays them). When it moves, `getDataVersion` says
 * whether the data did.
 */
export function getChangeMarker(db: ReadonlyDb): string {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare(dialectOf(db).name === "postgres" ? POSTGRES_CHANGE_MARKER : SQLITE_CHANGE_MARKER).pluck();
    statements.set(db, statement);
  }
  return String(statement.get());
}
