/**
 * Child process serving one side of a benchmark on a free loopback port, printing its URL once listening:
 * `app <db> [webRoot]` is chipflow (rate limit off, logging off), `hello` a bare Fastify hello-world.
 */
import { buildApp } from "@chipflow/api";
import Fastify from "fastify";

const [kind, dbPath, webRoot] = process.argv.slice(2);
const app =
  kind === "hello"
    ? Fastify({ logger: false }).get("/", async () => ({ hello: "world" }))
    : await buildApp({ dbPath: dbPath!, webRoot, logger: false, rateLimit: false });
const url = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(url);
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
