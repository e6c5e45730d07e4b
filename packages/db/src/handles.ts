import Database from "better-sqlite3";
import { openPostgres, type OpenPostgresOptions } from "./postgres/open-postgres.js";
import type { SqlDb } from "./sql-db.js";

declare const access: unique symbol;

/**
 * A handle that may only read, on either engine. Every handle can read, so a `WritableDb` is also a `ReadonlyDb`.
 * The read queries use only the `SqlDb` calls, so they run unchanged on SQLite and on PostgreSQL.
 */
export type ReadonlyDb = SqlDb & { readonly [access]: "read" | "write" };
/** A read-only SQLite handle: a `ReadonlyDb` that also offers what only SQLite has (pragmas, say). */
export type ReadonlySqliteDb = Database.Database & { readonly [access]: "read" | "write" };
/** A handle that writes, on either engine: what migrations take. */
export type WritableSqlDb = SqlDb & { readonly [access]: "write" };
/** The one SQLite handle that writes: held by the importer and migrations, never by the API. */
export type WritableDb = Database.Database & { readonly [access]: "write" };

/** Opens an existing database read-only; fails if the file is missing. */
export function openReadonly(path: string): ReadonlySqliteDb {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.pragma("query_only = ON");
  return db as ReadonlySqliteDb;
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

/** True for a `postgres://` (or `postgresql://`) URL rather than a SQLite file's path. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** Opens a PostgreSQL database read-only: every transaction of the connection is read-only. */
export function openPostgresReadonly(url: string, options: Omit<OpenPostgresOptions, "readonly"> = {}): ReadonlyDb {
  return openPostgres(url, { ...options, readonly: true }) as unknown as ReadonlyDb;
}

/** Opens a PostgreSQL database for writing: for migrations and copies, never for the API. */
export function openPostgresWritable(url: string, options: OpenPostgresOptions = {}): WritableSqlDb {
  return openPostgres(url, options) as unknown as WritableSqlDb;
}

/** Opens a database read-only by where it is: a `postgres://` URL, or else a SQLite file's path. */
export function openReadonlyAt(location: string): ReadonlyDb {
  return isPostgresUrl(location) ? openPostgresReadonly(location) : openReadonly(location);
}
