import { copySqliteToPostgres, openPostgresWritable, openWritable } from "@chipflow/db";
import { createFixtureDb } from "../../../packages/db/test/fixture-db.js";
import { createTestDatabase } from "../../../packages/db/test/postgres/test-database.js";

/**
 * Which engine this run of the API tests reads: `npm test` runs them once on SQLite and once on PostgreSQL
 * (`CHIPFLOW_TEST_ENGINE=postgres`, see vitest.config.ts).
 */
export const onPostgres = process.env.CHIPFLOW_TEST_ENGINE === "postgres";

/** Where an app's data is: always a SQLite file, and on the PostgreSQL run a database copied from it. */
export interface TestStore {
  dbPath: string;
  databaseUrl?: string;
}

/**
 * A fresh copy of the fixture database for one app, first changed by `prepare` (an import, say) when given; on the
 * PostgreSQL run, then copied into a database of its own, which the app reads instead of the file.
 */
export async function createTestStore(prepare?: (dbPath: string) => Promise<void> | void): Promise<TestStore> {
  const dbPath = await createFixtureDb();
  await prepare?.(dbPath);
  if (!onPostgres) return { dbPath };
  const databaseUrl = await createTestDatabase();
  await copySqliteToPostgres(dbPath, databaseUrl);
  return { dbPath, databaseUrl };
}

/**
 * Resolves on the event loop's next turn. The server checks its data once per turn (`oncePerTurn`): a change made
 * by another process is seen by every request that arrives after it, and over HTTP such a request is read in a later
 * turn. A test that changes the data between two `inject` calls waits for this to stand for that.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs statements on the store the app reads, as a writer: another connection commits while the app runs. Resolves
 * once the next request would arrive after the commit (`nextTurn`).
 */
export async function writeToStore(store: TestStore, statements: string[]): Promise<void> {
  const db = store.databaseUrl ? openPostgresWritable(store.databaseUrl) : openWritable(store.dbPath);
  try {
    for (const sql of statements) db.prepare(sql).run();
  } finally {
    db.close();
  }
  await nextTurn();
}
