import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { createTestStore, writeToStore, type TestStore } from "./test-store.js";

let app: FastifyInstance;
let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
  app = await buildApp({ ...store, rateLimit: false });
});
afterAll(() => app.close());

const get = (url: string) => app.inject({ method: "GET", url });
const URL_ = "/api/v1/series?metric=revenue_usd&groupBy=destination&interval=year";

describe("the answer cache", () => {
  it("answers a repeated query with the same bytes and the same headers", async () => {
    const first = await get(URL_);
    const again = await get(URL_);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    const { "x-request-id": firstId, date: _d1, ...firstHeaders } = first.headers;
    const { "x-request-id": againId, date: _d2, ...againHeaders } = again.headers;
    expect(againHeaders).toEqual(firstHeaders);
    expect(Object.keys(firstHeaders)).toEqual(
      expect.arrayContaining(["content-type", "etag", "cache-control", "content-security-policy", "content-length"]),
    );
    expect(againId).not.toBe(firstId);
  });

  it("sends answers from memory gzipped to clients that accept gzip, the same bytes once unzipped", async () => {
    const url = `${URL_}&top=3`; // not asked before: the first answer is computed and sent as it is
    const ask = () => app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip, deflate, br" } });
    const first = await ask();
    expect(first.headers["content-encoding"]).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      const again = await ask();
      expect(again.headers["content-encoding"]).toBe("gzip");
      expect(again.headers.vary).toMatch(/Accept-Encoding/);
      expect(gunzipSync(again.rawPayload).toString()).toBe(first.body);
    }
    const plain = await get(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(first.body);
    expect(JSON.parse(plain.body)).toHaveProperty("series");
  });

  it("never stores an error: a bad query stays a 400 however often it is asked", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get("/api/v1/series?metric=revenue_usd&vendor=nvidai");
      expect(res.statusCode).toBe(400);
      expect(res.headers.etag).toBeUndefined();
    }
  });

  it("counts stored answers against the rate limit like any other", async () => {
    const limited = await buildApp({ ...store, rateLimit: { max: 2, timeWindowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.inject(URL_)).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    await limited.close();
  });

  it("forgets every answer when the data changes", async () => {
    const before = await get(URL_);
    await writeToStore(store, [
      "UPDATE facts SET value = value * 2 WHERE metric = 'revenue_usd'",
      "UPDATE datasets SET imported_at = '2099-01-01T00:00:00Z'",
    ]);
    const after = await get(URL_);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const value = (body: string) => JSON.parse(body).series[0].points[0].value as number;
    expect(value(after.body)).toBe(2 * value(before.body));
  });

  it("answers a request sent over HTTP after a commit with the committed data, with no wait between", async () => {
    const own = await createTestStore();
    const served = await buildApp({ ...own, rateLimit: false });
    const base = await served.listen({ port: 0, host: "127.0.0.1" });
    const ask = async () => {
      const res = await fetch(`${base}${URL_}`);
      return { etag: res.headers.get("etag"), value: ((await res.json()) as SeriesBody).series[0]!.points[0]!.value };
    };
    const before = await ask();
    expect(await ask()).toEqual(before); // the second is the stored answer
    // The commit is complete when the statements return; the next request is sent right after, not a turn later.
    void writeToStore(own, [
      "UPDATE facts SET value = value * 2 WHERE metric = 'revenue_usd'",
      "UPDATE datasets SET imported_at = '2099-01-01T00:00:00Z'",
    ]);
    const after = await ask();
    expect(after.etag).not.toBe(before.etag);
    expect(after.value).toBe(2 * before.value);
    await served.close();
  });
});

interface SeriesBody {
  series: { points: { value: number }[] }[];
}
