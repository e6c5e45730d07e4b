/**
 * Child process serving one side of a benchmark on a free loopback port, printing its URL once listening:
 * `app <db> [webRoot]` is chipflow (rate limit off, logging off; reading CHIPFLOW_DATABASE_URL when it is set), `hello` a bare Fastify hello-world, and
 * `replay <answer.json>` a bare Fastify that sends one recorded answer (its status, headers and body bytes) to any
 * request: the fairest baseline for a cached endpoint, doing everything it must and nothing more.
 */
import { buildApp, warmUpApp } from "@chipflow/api";
import Fastify from "fastify";
import { readFileSync } from "node:fs";
import type { RecordedAnswer } from "./http-bench.js";

const [kind, arg, webRoot] = process.argv.slice(2);

function replay(file: string) {
  const answer = JSON.parse(readFileSync(file, "utf8")) as RecordedAnswer;
  const body = Buffer.from(answer.bodyBase64, "base64");
  return Fastify({ logger: false }).get("/*", (_request, reply) => {
    void reply.status(answer.status).headers(answer.headers).send(body);
  });
}

const app =
  kind === "hello"
    ? Fastify({ logger: false }).get("/", async () => ({ hello: "world" }))
    : kind === "replay"
      ? replay(arg!)
      : await buildApp({
          dbPath: arg!,
          databaseUrl: process.env.CHIPFLOW_DATABASE_URL || undefined,
          webRoot,
          logger: false,
          rateLimit: false,
        });
// As the server does (`startServer`): the rollups are read into memory, and the code warmed up, before it listens.
if ("queryPool" in app) await warmUpApp(app);
const url = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(url);
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
