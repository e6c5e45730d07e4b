import type { SqlDb } from "../sql-db.js";

/**
 * Refuses a PostgreSQL database whose text does not sort byte by byte, as SQLite's does: with another collation the
 * same queries would list names, periods and pages in another order than on SQLite.
 */
export function checkCollation(db: SqlDb): void {
  const { provider, collation } = db
    .prepare(
      `SELECT datlocprovider AS provider, datcollate AS collation FROM pg_database WHERE datname = current_database()`,
    )
    .get() as { provider: string; collation: string };
  if (provider === "c" && ["C", "POSIX", "C.UTF-8", "C.utf8"].includes(collation)) return;
  throw new Error(
    `the database sorts text by ${provider === "i" ? "ICU" : collation} rules, not byte by byte as SQLite does: ` +
      "create it with the C collation (createdb --locale=C --template=template0 <name>)",
  );
}
