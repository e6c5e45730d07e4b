import type { SqlDb } from "../sql-db.js";
import { postgresDialect } from "./postgres-dialect.js";
import { sqliteDialect } from "./sqlite-dialect.js";

/** The SQL that differs between SQLite and PostgreSQL, as one small function per difference. */
export interface Dialect {
  readonly name: "sqlite" | "postgres";
  /**
   * The values of a JSON array bound at `param` (`?` or `@name`), as a subquery for `x IN (…)`: text, or whole
   * numbers for id columns (PostgreSQL compares only like with like).
   */
  jsonList(param: string, type?: "text" | "integer"): string;
  /** The values of a JSON array bound at `param` as a table with one column, `value` (text), for `FROM`. */
  jsonTable(param: string): string;
  /**
   * A name column for ORDER BY, compared regardless of ASCII case: SQLite's `COLLATE NOCASE` columns sort so by
   * themselves; PostgreSQL sorts by their lower case.
   */
  nocase(column: string): string;
  /** The values of `expr` joined by `separator`, in `orderBy` order when given; NULL when there are none. */
  groupConcat(expr: string, options?: { separator?: string; distinct?: boolean; orderBy?: string }): string;
  /** The sum of `expr` as a float, 0 when there is nothing to add (SQLite's `total`). */
  total(expr: string): string;
  /** True (1) when `needle` occurs in `haystack`. */
  contains(haystack: string, needle: string): string;
  /** A truth value as the integer 1 or 0, the way SQLite returns it. */
  toInteger(condition: string): string;
  /** True when `condition` holds for every row of the group (`min(condition)` on SQLite). */
  every(condition: string): string;
  /**
   * Aggregate: `expr` of the group's rows as one JSON array (`[]` for none), in the order every aggregate of the
   * statement takes the rows. The driver hands over one value rather than one per row, which at thousands of rows
   * costs less.
   */
  jsonArray(expr: string): string;
  /** The rows of a JSON array of arrays bound at `param`, as a table of `columns` (text), for `FROM`. */
  jsonRows(param: string, columns: string[]): string;
  /**
   * SQLite's `INDEXED BY` hint after a table in FROM (`null`: `NOT INDEXED`, read the table in order); PostgreSQL
   * plans from statistics, so nothing.
   */
  indexedBy(index: string | null): string;
  /**
   * A column the planner should not pick an index for (SQLite's unary `+`); PostgreSQL plans from statistics, so
   * the column stays as it is.
   */
  noIndex(column: string): string;
  /**
   * `expr`, or `fallback` where it is NULL, spelled as the engine's natural-key index spells it (`ifnull` on SQLite,
   * `coalesce` on PostgreSQL), so that a lookup by that key can use the index.
   */
  ifNull(expr: string, fallback: string): string;
}

/** Where a PostgreSQL handle says which dialect it speaks; a handle without it is SQLite. */
export const DIALECT = Symbol.for("chipflow.dialect");

/** The dialect of a handle's engine. */
export function dialectOf(db: SqlDb): Dialect {
  return (db as SqlDb & { [DIALECT]?: Dialect })[DIALECT] ?? sqliteDialect;
}

export { postgresDialect, sqliteDialect };
