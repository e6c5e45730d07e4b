import { closeSync, openSync, readSync } from "node:fs";
import { dialectOf } from "./dialect/dialect.js";
import type { ReadonlyDb, ReadonlySqliteDb } from "./handles.js";

/** Whether a SQLite database in WAL mode may have changed, told by one read of its WAL index's header. */
export interface WalIndexWatch {
  /**
   * False only when the header is byte for byte what this call last read: no transaction has committed since
   * (every commit counts itself in the header). True the first time, and whenever in doubt.
   */
  moved(): boolean;
  close(): void;
}

/** The first copy of the WAL-index header: the one a writer updates last, once the commit is complete. */
const HEADER_BYTES = 48;

/**
 * Watches the WAL index (the `-shm` file) of the database `db` reads, as SQLite lays it out
 * (https://www.sqlite.org/walformat.html): its header holds a counter of transactions, which every commit moves
 * before it completes. Reading those 48 bytes is one system call, where asking SQLite (`getChangeMarker`) starts a
 * read transaction, with its locks. Null when there is nothing to watch: another engine, a database in memory or
 * not in WAL mode. While `db` is open the database stays in WAL mode and keeps its `-shm` file: the connection
 * holds a lock that keeps any other from changing the journal mode or removing the file.
 */
export function watchWalIndex(db: ReadonlyDb): WalIndexWatch | null {
  if (dialectOf(db).name !== "sqlite") return null;
  const sqlite = db as ReadonlySqliteDb;
  if (sqlite.memory) return null;
  // A read opens the connection's WAL index first, so the file opened below is the one it uses.
  if (String(sqlite.pragma("journal_mode", { simple: true })) !== "wal") return null;
  sqlite.prepare("SELECT count(*) FROM sqlite_schema").get();
  let fd: number;
  try {
    fd = openSync(`${sqlite.name}-shm`, "r");
  } catch {
    return null;
  }
  const last = Buffer.alloc(HEADER_BYTES);
  const read = Buffer.alloc(HEADER_BYTES);
  let known = false;
  return {
    moved() {
      const whole = readSync(fd, read, 0, HEADER_BYTES, 0) === HEADER_BYTES;
      if (known && whole && read.equals(last)) return false;
      read.copy(last);
      known = whole;
      return true;
    },
    close: () => closeSync(fd),
  };
}
