import type { FastifyInstance } from "fastify";
import { renameSync } from "node:fs";
import { request, type IncomingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp, type AppOptions } from "../src/app.js";
import { logSink } from "./log-sink.js";
import { createTestStore, type TestStore } from "./test-store.js";

const URL_ = "/api/v1/series?metric=revenue_usd&groupBy=destination&interval=year";

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One GET over a new connection, the body as received (not decompressed). */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

/** The app serving over real HTTP on a free port, its log lines collected. */
async function serve(options: Partial<AppOptions> = {}) {
  const store = await createTestStore();
  const { lines, stream } = logSink();
  const app = await buildApp({ ...store, rateLimit: false, logger: { level: "info", stream }, ...options });
  opened.push(app);
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  /** Whether the answer of `res` was sent before routing, by its log line. */
  const storedAt = (res: Answer) =>
    lines.some((l) => l.reqId === res.headers["x-request-id"] && l.msg === "request completed" && l.stored === true);
  return { app, base, store, lines, storedAt };
}

const opened: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

/** On SQLite a current stored answer is sent before routing; on PostgreSQL every request goes through the hooks. */
const beforeRouting = (store: TestStore) => !store.databaseUrl;

const withoutPerRequest = ({ date: _date, "x-request-id": _id, ...rest }: IncomingHttpHeaders) => rest;

describe("stored answers sent as the request comes off the socket", () => {
  it("go out with the headers and bytes of the answer first computed, and a request id of their own", async () => {
    const { base, store, storedAt } = await serve();
    const first = await get(base, URL_);
    const again = await get(base, URL_);
    expect(storedAt(first)).toBe(false);
    expect(storedAt(again)).toBe(beforeRouting(store));
    expect(again.status).toBe(200);
    expect(again.body.equals(first.body)).toBe(true);
    expect(withoutPerRequest(again.headers)).toEqual(withoutPerRequest(first.headers));
    expect(Object.keys(again.headers)).toEqual(
      expect.arrayContaining(["etag", "cache-control", "vary", "content-security-policy", "x-frame-options"]),
    );
    expect(again.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
    // A caller's plain request id is kept, as the hooks keep it.
    expect((await get(base, URL_, { "x-request-id": "proxy-7" })).headers["x-request-id"]).toBe("proxy-7");
  });

  it("are gzipped for clients that accept gzip, the same bytes once unzipped", async () => {
    const { base, store, storedAt } = await serve();
    const plain = await get(base, URL_);
    const zipped = await get(base, URL_, { "accept-encoding": "gzip, deflate, br" });
    expect(storedAt(zipped)).toBe(beforeRouting(store));
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it("are logged as Fastify logs a request: both lines, with the request id, the address and the status", async () => {
    const { base, lines } = await serve();
    const first = await get(base, URL_);
    const again = await get(base, URL_);
    const logOf = (res: Answer) => lines.filter((l) => l.reqId === res.headers["x-request-id"]);
    await new Promise((resolve) => setImmediate(resolve)); // the last line is written once the response has finished
    expect(logOf(again).map((l) => l.msg)).toEqual(["incoming request", "request completed"]);
    const shape = (res: Answer) =>
      logOf(res).map(({ time: _t, pid: _p, hostname: _h, reqId: _r, responseTime: _rt, stored: _s, ...rest }) => ({
        ...rest,
        req: rest.req && { ...rest.req, remotePort: "any" },
      }));
    expect(shape(again)).toEqual(shape(first));
    expect(logOf(again)[0]).toMatchObject({ req: { method: "GET", url: URL_, remoteAddress: "127.0.0.1" } });
    expect(logOf(again)[1]).toMatchObject({ res: { statusCode: 200 }, responseTime: expect.any(Number) });
  });

  it("count against the rate limit, with its headers, and a client over it gets the 429", async () => {
    const { base, store, storedAt } = await serve({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await get(base, URL_));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers["x-ratelimit-remaining"])).toEqual(["2", "1", "0", "0"]);
    expect(answers.slice(1, 3).map(storedAt)).toEqual([beforeRouting(store), beforeRouting(store)]);
    expect(answers[1]!.headers["x-ratelimit-limit"]).toBe("3");
    expect(Number(answers[1]!.headers["x-ratelimit-reset"])).toBeGreaterThan(0);
    // Another route, and the health check, are still limited and not limited alike.
    expect((await get(base, "/api/v1/events")).status).toBe(429);
    expect((await get(base, "/api/health")).status).toBe(200);
  });

  it("leave revalidation to the hooks: the current ETag gets a 304", async () => {
    const { base } = await serve();
    const first = await get(base, URL_);
    const revalidated = await get(base, URL_, { "if-none-match": String(first.headers.etag) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });

  it("are never sent once the database file is gone: a 503 says so", async (context) => {
    const { base, store } = await serve();
    if (!beforeRouting(store)) context.skip(); // PostgreSQL has no file
    await get(base, URL_);
    renameSync(store.dbPath, `${store.dbPath}.moved`);
    const gone = await get(base, URL_);
    expect(gone.status).toBe(503);
    expect(JSON.parse(gone.body.toString()).error.code).toBe("UNAVAILABLE");
    renameSync(`${store.dbPath}.moved`, store.dbPath);
  });
});
