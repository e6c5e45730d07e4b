import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dialectOf, sqliteDialect, type Dialect } from "./dialect/dialect.js";
import type { WritableSqlDb } from "./handles.js";
import { checkCollation } from "./postgres/check-collation.js";

const MIGRATIONS_DIR = new URL("../migrations/", import.meta.url);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The numbered SQL files in `migrations/`, in order: `001_init.sql` is version 1. One list for both engines: on
 * PostgreSQL a migration whose DDL differs has a file of the same name in `migrations/postgres/`, used instead.
 */
export function listMigrations(dialect: Dialect = sqliteDialect): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const own = new URL(`${dialect.name}/${f}`, MIGRATIONS_DIR);
      const file = dialect.name !== "sqlite" && existsSync(own) ? own : new URL(f, MIGRATIONS_DIR);
      return { version: Number(f.slice(0, 3)), name: f, sql: readFileSync(file, "utf8") };
    });
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, each in its own transaction, on either engine
 * (a PostgreSQL database must sort text as SQLite does: `checkCollation`). Returns the versions it applied.
 */
export function migrate(db: WritableSqlDb): number[] {
  const dialect = dialectOf(db);
  if (dialect.name === "postgres") checkCollation(db);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db
      .prepare("SELECT version FROM schema_migrations")
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  const done: number[] = [];
  for (const m of listMigrations(dialect)) {
    if (applied.has(m.version)) continue;
    db.exec("BEGIN");
    try {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
    done.push(m.version);
  }
  return done;
}
