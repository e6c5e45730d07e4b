/**
 * `npm start`: creates and seeds the database when it is missing, then serves the dashboard and the API
 * on one port. Configure with PORT (8080), HOST (127.0.0.1) and CHIPFLOW_DB (data/chipflow.sqlite). With
 * CHIPFLOW_DATABASE_URL (postgres://…) it reads that PostgreSQL database instead, read-only: seed it first with
 * `npm run seed` (as a user that may write).
 */
import { startServer } from "@chipflow/api";
import { ensureSeededDatabase } from "@chipflow/db";
import { DATA_DIR, DEFAULT_DB, WEB_ROOT } from "./paths.js";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";

const databaseUrl = process.env.CHIPFLOW_DATABASE_URL || undefined;
const seeded = databaseUrl ? null : await ensureSeededDatabase(DEFAULT_DB, DATA_DIR);
if (seeded) {
  const facts = seeded.datasets.reduce((n, d) => n + d.inserted, 0);
  console.log(`created ${DEFAULT_DB}: ${seeded.datasets.length} datasets, ${facts} facts, ${seeded.events} events`);
}
await startServer({
  dbPath: DEFAULT_DB,
  databaseUrl,
  webRoot: WEB_ROOT,
  port,
  host,
  logger: { level: process.env.LOG_LEVEL ?? "info" },
});
console.log(`chipflow is serving http://${host}:${port} (API docs: http://${host}:${port}/api/docs)`);
