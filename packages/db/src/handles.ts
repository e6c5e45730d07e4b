import Database from "better-sqlite3";

declare const access: unique symbol;

/** A handle that may only read. Every handle can read, so a `WritableDb` is also a `ReadonlyDb`. */
export type ReadonlyDb = Database.Database & { readonly [access]: "read" | "write" };
/** The one handle that writes: held by the importer and migrations, never by the API. */
export type WritableDb = Database.Database & { readonly [access]: "write" };

/** Opens an existing database read-only; fails if the file is missing. */
export function openReadonly(path: string): ReadonlyDb {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.pragma("query_only = ON");
  return db as ReadonlyDb;
}

/**
 * Opens (creating if needed) a database for writing, in WAL mode so readers go on while it writes.
 * Callers run `migrate` before using it.
 */
export function openWritableRaw(path: string): WritableDb {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  return db as WritableDb;
}
