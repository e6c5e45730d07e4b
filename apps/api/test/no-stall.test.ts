import { importFile, openWritable } from "@chipflow/db";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDb } from "../../../packages/db/test/fixture-db.js";
import { writeLargeFactsFile } from "../../../packages/db/test/fixtures/faults/large-import.js";
import { buildApp, type AppOptions } from "../src/app.js";

/** Enough facts that a download (about 20 MB) is more than the sockets' buffers hold: a paused client holds it. */
const FACTS = 100_000;
let bigDb: string;
let smallDb: string;
let app: Awaited<ReturnType<typeof buildApp>> | undefined;

beforeAll(async () => {
  smallDb = await createFixtureDb();
  bigDb = await createFixtureDb();
  const file = join(mkdtempSync(join(tmpdir(), "chipflow-stall-")), "many.csv");
  writeLargeFactsFile(file, FACTS);
  const writer = openWritable(bigDb);
  await importFile(writer, file, { dataset: { id: "many" } });
  writer.close();
}, 60_000);

afterEach(async () => {
  app?.server.closeAllConnections();
  await app?.close();
  app = undefined;
});

async function listen(pool: AppOptions["pool"], dbPath = smallDb, rateLimit: AppOptions["rateLimit"] = false) {
  app = await buildApp({ dbPath, rateLimit, pool });
  return app.listen({ port: 0, host: "127.0.0.1" });
}

const waitFor = async (ok: () => boolean, ms = 5_000) => {
  for (const until = Date.now() + ms; !ok();) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe("no request stalls another", () => {
  it("runs two downloads at once, queues two, refuses the rest at once with 503 and Retry-After; health answers throughout", async () => {
    const base = await listen({ downloads: 2, maxWaiting: 2 }, bigDb);
    const clients = Array.from({ length: 6 }, () => new AbortController());
    const download = (c: AbortController) => fetch(`${base}/api/v1/facts.csv?dataset=many`, { signal: c.signal });
    try {
      // Two stream (their clients read nothing, so they hold their threads); two wait for a thread.
      const running = await Promise.all(clients.slice(0, 2).map(download));
      expect(running.map((r) => r.status)).toEqual([200, 200]);
      const queued = clients.slice(2, 4).map((c) => download(c).catch(() => null));
      await waitFor(() => app!.queryPool.stats().downloads.waiting === 2);
      // The rest are refused at once, saying when to try again.
      const refused = await Promise.all(clients.slice(4).map(download));
      for (const r of refused) {
        expect(r.status).toBe(503);
        expect(r.headers.get("retry-after")).toBe("1");
        expect(((await r.json()) as { error: unknown }).error).toMatchObject({
          status: 503,
          code: "BUSY",
          message: expect.stringMatching(/busy.*try again/),
        });
      }
      const t0 = performance.now();
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      expect(performance.now() - t0).toBeLessThan(1_000);
      expect(app!.queryPool.stats().downloads).toMatchObject({ busy: 2, waiting: 2 });

      // Clients that hang up free their threads and their places in the queue.
      for (const c of clients) c.abort();
      await Promise.all(queued);
      await waitFor(() => {
        const { busy, waiting } = app!.queryPool.stats().downloads;
        return busy === 0 && waiting === 0;
      });
      const again = await fetch(`${base}/api/v1/facts.csv?dataset=many&metric=units&to=2000-01-01`);
      expect(again.status).toBe(200);
      expect((await again.text()).split("\n")[0]).toMatch(/^period_start,period_end,/);
    } finally {
      for (const c of clients) c.abort();
    }
  }, 60_000);

  it("streams a whole download from its thread, byte for byte the same file each time", async () => {
    const base = await listen({ downloads: 1 }, bigDb);
    const [a = "", b] = await Promise.all(
      [1, 2].map(() => fetch(`${base}/api/v1/facts.csv?dataset=many`).then((r) => r.text())),
    );
    expect(a).toBe(b);
    expect(a.trimEnd().split("\n")).toHaveLength(FACTS + 1); // the header and every fact
  }, 60_000);

  it("stops a query that runs past its time budget with a 503 that says what to do, and serves on", async () => {
    const base = await listen({ timeoutMs: 1 });
    const slow = await fetch(`${base}/api/v1/breakdown?metric=units&groupBy=destination`);
    expect(slow.status).toBe(503);
    expect(slow.headers.get("retry-after")).toBe("5");
    expect(((await slow.json()) as { error: { message: string } }).error.message).toMatch(
      /took longer than 0\.001 s and was stopped: narrow it/,
    );
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    await waitFor(() => app!.queryPool.stats().queries.busy === 0);
  }, 60_000);

  it("computes one query once for many clients asking for it at the same time", async () => {
    await listen({ workers: 1, maxWaiting: 0 });
    // With one thread and no queue, a second computation at the same time would be refused.
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        app!.inject("/api/v1/series?metric=units&groupBy=destination&interval=year").then((r) => r.statusCode),
      ),
    );
    expect(statuses).toEqual(Array(10).fill(200));
    expect(app!.queryPool.stats().queries.started).toBe(1);
  }, 60_000);

  it("stops a running query whose client hangs up: its thread ends, and another starts when next needed", async () => {
    const base = await listen({ workers: 1 }, bigDb);
    const client = new AbortController();
    const slow = fetch(`${base}/api/v1/breakdown?metric=units&groupBy=destination&dataset=many`, {
      signal: client.signal,
    }).catch(() => "hung up");
    await waitFor(() => app!.queryPool.stats().queries.busy === 1);
    client.abort();
    expect(await slow).toBe("hung up");
    await waitFor(() => app!.queryPool.stats().queries.stopped === 1, 2_000);
    // The thread keeps its place until SQLite returns from the statement it is in, then goes.
    await waitFor(() => app!.queryPool.stats().queries.busy === 0, 20_000);
    expect(app!.queryPool.stats().queries).toMatchObject({ threads: 0, started: 1 });
    expect((await fetch(`${base}/api/v1/facts?dataset=many`)).status).toBe(200); // on a new thread
    expect(app!.queryPool.stats().queries.started).toBe(2);
  }, 60_000);

  it("lets one address hold only so many requests in progress at once", async () => {
    const base = await listen({ downloads: 4 }, bigDb, { max: 1_000, timeWindowMs: 60_000, concurrent: 2 });
    const clients = [new AbortController(), new AbortController()];
    try {
      const held = await Promise.all(
        clients.map((c) => fetch(`${base}/api/v1/facts.csv?dataset=many`, { signal: c.signal })),
      );
      expect(held.map((r) => r.status)).toEqual([200, 200]); // both streaming, their clients reading nothing
      const third = await fetch(`${base}/api/v1/dimensions`);
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toBe("1");
      expect(((await third.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: "TOO_MANY_AT_ONCE",
        message: expect.stringMatching(/2 requests from your address are still in progress/),
      });
      expect((await fetch(`${base}/api/health`)).status).toBe(200); // health is never limited
      for (const c of clients) c.abort();
      await waitFor(() => app!.queryPool.stats().downloads.busy === 0);
      expect((await fetch(`${base}/api/v1/dimensions`)).status).toBe(200);
    } finally {
      for (const c of clients) c.abort();
    }
  }, 60_000);

  it("answers health and cached queries in under 50 ms (p99) while 100 clients download and 20 uncached breakdowns run", async () => {
    const base = await listen(undefined, bigDb);
    const cachedUrl = `${base}/api/v1/series?metric=units&groupBy=destination&interval=year&dataset=many`;
    expect((await fetch(cachedUrl)).status).toBe(200); // now a cached answer
    const clients = Array.from({ length: 120 }, () => new AbortController());
    const quietly = (r: Response) => r.status;
    try {
      // 100 downloads whose clients read nothing (a few stream, a few wait, the rest are refused at once) ...
      const downloads = clients
        .slice(0, 100)
        .map((c) => fetch(`${base}/api/v1/facts.csv?dataset=many`, { signal: c.signal }).then(quietly, () => 0));
      // ... and 20 distinct breakdowns over 100,000 facts, each seconds of work.
      const groupings = ["destination", "vendor", "product", "origin"];
      const breakdowns = clients
        .slice(100)
        .map((c, i) =>
          fetch(
            `${base}/api/v1/breakdown?metric=${i % 2 ? "units" : "revenue_usd"}&groupBy=${groupings[i % 4]}&from=${2000 + i}-01-01`,
            { signal: c.signal },
          ).then(quietly, () => 0),
        );
      await waitFor(() => app!.queryPool.stats().downloads.busy === 2 && app!.queryPool.stats().queries.busy > 0);
      const latencies: number[] = [];
      for (let i = 0; i < 300; i++) {
        const url = i % 2 ? `${base}/api/health` : cachedUrl;
        const t0 = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        expect(res.status).toBe(200);
      }
      latencies.sort((a, b) => a - b);
      expect(latencies[296]).toBeLessThan(50); // p99 of 300
      expect(app!.queryPool.stats().queries.busy).toBeGreaterThan(0); // the breakdowns were still running
      for (const c of clients) c.abort();
      await Promise.all([...downloads, ...breakdowns]);
    } finally {
      for (const c of clients) c.abort();
    }
  }, 60_000);

  it("ends threads left idle, so that the memory a query took goes back, but keeps one for the next query", async () => {
    await listen({ idleMs: 500, workers: 2 });
    // Two at once: each on a thread of its own.
    await Promise.all([app!.queryPool.run("summary", undefined), app!.queryPool.run("summary", undefined)]);
    expect(app!.queryPool.stats().queries.threads).toBe(2);
    await waitFor(() => app!.queryPool.stats().queries.threads === 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // twice the idle time: the last one stays
    expect(app!.queryPool.stats().queries.threads).toBe(1);
    expect((await app!.inject("/api/v1/summary")).statusCode).toBe(200);
    expect(app!.queryPool.stats().queries).toMatchObject({ threads: 1, started: 3, stopped: 0 });
  }, 60_000);

  it("ends every idle thread when told to keep none", async () => {
    await listen({ idleMs: 50, keepIdle: 0 });
    expect((await app!.inject("/api/v1/summary")).statusCode).toBe(200);
    expect(app!.queryPool.stats().queries.threads).toBe(1);
    await waitFor(() => app!.queryPool.stats().queries.threads === 0);
    expect((await app!.inject("/api/v1/sources")).statusCode).toBe(200);
    expect(app!.queryPool.stats().queries).toMatchObject({ started: 2, stopped: 0 });
  }, 60_000);
});
