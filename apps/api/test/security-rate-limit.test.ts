import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { createTestStore } from "./test-store.js";
import { expectErrorShape } from "./expect-error-shape.js";
import { buildTestApp } from "./build-test-app.js";

describe("rate limit on the data endpoints", () => {
  it("answers the request over the limit with a 429, Retry-After and the error shape", async () => {
    const app = await buildTestApp({ rateLimit: { max: 5, timeWindowMs: 60_000 } });
    const get = (url: string) => app.inject({ method: "GET", url, remoteAddress: "203.0.113.7" });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get("/api/v1/dimensions")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    const over = await get("/api/v1/series");
    expectErrorShape(over, 429);
    expect(over.json().error.code).toBe("RATE_LIMITED");
    expect(over.json().error.message).toMatch(/at most 5 per 60 s/);
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(over.headers["retry-after"])).toBeLessThanOrEqual(60);

    // Another address has its own budget; health and docs are never limited.
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/dimensions", remoteAddress: "203.0.113.8" })).statusCode,
    ).toBe(200);
    expect((await get("/api/health")).statusCode).toBe(200);
    expect((await get("/api/docs/json")).statusCode).toBe(200);
    await app.close();
  });

  it.each([
    ["/%61pi/v1/datasets", 429],
    ["/api/%76%31/datasets", 429],
    ["http://localhost/api/v1/datasets", 429],
    ["//api/v1/datasets", 404],
    ["/API/v1/datasets", 404],
  ])("never serves data past the limit when the path is spelled %s (answers %i)", async (spelling, status) => {
    const app = await buildTestApp({ rateLimit: { max: 2, timeWindowMs: 60_000 } });
    const get = (url: string) => app.inject({ method: "GET", url, remoteAddress: "203.0.113.9" });
    expect([(await get("/api/v1/datasets")).statusCode, (await get("/api/v1/datasets")).statusCode]).toEqual([
      200, 200,
    ]);
    // A spelling the router decodes to the same route counts against the same limit; one it does not route is a 404.
    for (let i = 0; i < 3; i++) expect((await get(spelling)).statusCode).toBe(status);
    await app.close();
  });

  it("is generous by default and can be turned off", async () => {
    const store = await createTestStore();
    const byDefault = await buildApp(store);
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) statuses.add((await byDefault.inject("/api/v1/events")).statusCode);
    expect([...statuses]).toEqual([200]);
    await byDefault.close();

    const off = await buildApp({ ...store, rateLimit: false });
    const res = await off.inject("/api/v1/events");
    expect(res.headers["x-ratelimit-limit"]).toBeUndefined();
    await off.close();
  });
});
