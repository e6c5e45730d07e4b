import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEndpoints, requestArb, type Endpoint, type OpenApiSpec } from "./fuzz-requests.js";
import { buildTestApp } from "./build-test-app.js";

const RUNS = 10_000;
const LEAKS = /\/tmp\/|\/work\/|\/home\/|node_modules|\.[tj]s:\d+|\bat [\w.<>]+ \(|SQLITE_|sqlite3/i;

let app: FastifyInstance;
let endpoints: Endpoint[];
beforeAll(async () => {
  app = await buildTestApp({ rateLimit: false });
  endpoints = listEndpoints((await app.inject("/api/docs/json")).json<OpenApiSpec>());
});
afterAll(() => app.close());

describe("API fuzzing", () => {
  it("covers every documented GET endpoint and its CSV variant", () => {
    const paths = endpoints.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["/api/health", "/api/v1/series", "/api/v1/series.csv"]));
    expect(endpoints.find((e) => e.path === "/api/v1/series")!.query.map((p) => p.name)).toContain("groupBy");
  });

  it(`answers ${RUNS} generated requests with no 5xx, every 4xx in the one error shape, nothing leaked`, async () => {
    const perEndpoint = new Map<string, number>();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArb(endpoints), async ({ endpoint, url }) => {
        perEndpoint.set(endpoint.path, (perEndpoint.get(endpoint.path) ?? 0) + 1);
        const res = await app.inject({ method: "GET", url });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, url).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers["content-type"], url).toMatch(/^application\/json/);
          const body = res.json<{ error: { status: number; code: string; message: string } }>();
          expect(body, url).toEqual({
            error: { status: res.statusCode, code: expect.any(String), message: expect.any(String) },
          });
          expect(body.error.message, url).not.toMatch(LEAKS);
        } else {
          expect(res.headers["content-type"], url).toMatch(
            /^(application\/json|text\/csv|application\/vnd.openxmlformats)/,
          );
        }
      }),
      { numRuns: RUNS, seed: 20250701, endOnFailure: true },
    );
    const total = [...perEndpoint.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(RUNS);
    for (const e of endpoints)
      expect(perEndpoint.get(e.path) ?? 0, e.path).toBeGreaterThan(RUNS / endpoints.length / 3);
    // The generator must reach past validation: a fair share of requests are answered with data.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 10);
  }, 120_000);
});
