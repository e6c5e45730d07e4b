/**
 * The server under load, in its own process so that its memory is measured apart from the load generator's.
 * Listens on a free loopback port, reports it, and answers `rss` messages with its resident set size. Reads the
 * SQLite file, or the PostgreSQL database when a URL follows it.
 */
import { buildApp } from "@chipflow/api";

const [dbPath, databaseUrl] = process.argv.slice(2);
if (!dbPath) throw new Error("usage: load-server.js <database> [postgres://…]");
const level = process.env.LOG_LEVEL;
const app = await buildApp({ dbPath, databaseUrl, rateLimit: false, logger: level ? { level } : false });
const url = await app.listen({ port: 0, host: "127.0.0.1" });
process.on("message", (message) => {
  if (message === "rss") process.send!({ rss: process.memoryUsage().rss });
  if (message === "stop") void app.close().then(() => process.exit(0));
});
process.send!({ url });
