/** What a write statement reports: rows changed and, on SQLite, the last row id inserted. */
export interface SqlRunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/**
 * A prepared statement: the subset of better-sqlite3's `Statement` the read path and migrations use. Parameters are
 * positional (`?`) or one object of named ones (`@name`). `pluck` returns each row's first column, `raw` each row
 * as an array.
 */
export interface SqlStatement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  iterate(...params: unknown[]): IterableIterator<unknown>;
  run(...params: unknown[]): SqlRunResult;
  pluck(toggleState?: boolean): this;
  raw(toggleState?: boolean): this;
}

/**
 * A synchronous database handle that either engine provides: a better-sqlite3 `Database` is one as it is, and
 * `openPostgres` returns one whose calls wait for PostgreSQL on a thread of its own.
 */
export interface SqlDb {
  /** False once closed. */
  readonly open: boolean;
  /** True for a handle that cannot write. */
  readonly readonly: boolean;
  prepare(sql: string): SqlStatement;
  exec(sql: string): unknown;
  close(): unknown;
}
