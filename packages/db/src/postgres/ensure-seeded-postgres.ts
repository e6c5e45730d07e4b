import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPostgresWritable } from "../handles.js";
import { migrate } from "../migrate.js";
import { ensureSeededDatabase, type SeedSummary } from "../seed.js";
import { copySqliteToPostgres } from "./copy-sqlite-to-postgres.js";

/**
 * `ensureSeededDatabase` for PostgreSQL: a database that holds datasets is only migrated; an empty one (or any,
 * with `force`) is seeded the SQLite way into a temporary file, then copied over in one transaction.
 */
export async function ensureSeededPostgres(
  url: string,
  dataDir: string,
  { force = false } = {},
): Promise<SeedSummary | null> {
  const db = openPostgresWritable(url);
  try {
    migrate(db);
    if (!force && (db.prepare("SELECT count(*) FROM datasets").pluck().get() as number) > 0) return null;
  } finally {
    db.close();
  }
  const dir = mkdtempSync(join(tmpdir(), "chipflow-seed-"));
  try {
    const path = join(dir, "seed.sqlite");
    const summary = await ensureSeededDatabase(path, dataDir);
    await copySqliteToPostgres(path, url, { replace: true });
    return summary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
