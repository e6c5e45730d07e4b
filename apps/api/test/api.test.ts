import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "./build-test-app.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const get = (url: string) => app.inject({ method: "GET", url });

describe("GET /api/health", () => {
  it("reads the database and reports its data version and when it was last imported", async () => {
    const res = await get("/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: "ok",
      facts: 17,
      dataVersion: expect.stringMatching(/^[\w-]{16}$/),
      importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });
});

describe("GET /api/v1/dimensions", () => {
  it("lists vendors, products, countries, metrics and the period range present", async () => {
    const body = (await get("/api/v1/dimensions")).json();
    expect(body.vendors.map((v: { id: string; makes: string }) => [v.id, v.makes])).toEqual([
      ["asml", "tools"],
      ["nvidia", "chips"],
    ]);
    expect(body.products).toContainEqual({
      id: "nvidia-h20",
      vendorId: "nvidia",
      name: "H20",
      category: "ai_accelerator",
      hsCodes: ["8542.31"],
    });
    expect(body.countries.length).toBeGreaterThanOrEqual(249);
    expect(body.metrics.map((m: { id: string }) => m.id)).toContain("revenue_eur");
    expect(body.periodRange).toEqual({ from: "2023-01-01", to: "2025-07-27" });
  });
});

describe("GET /api/v1/series", () => {
  it("groups revenue by destination per quarter with the sources behind it", async () => {
    const res = await get(
      "/api/v1/series?metric=revenue_usd&groupBy=destination&interval=quarter&dataset=fixture-reported",
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.series.map((s: { key: string }) => s.key)).toEqual(["CHN", "USA"]);
    expect(body.sources).toHaveLength(3);
  });

  it.each([
    ["metric=profit", /parameter metric: invalid metric: expected one of units, revenue_usd/],
    ["groupBy=colour", /parameter groupBy: invalid groupBy: expected one of vendor, product/],
    ["from=2024-13-01", /parameter from: expected a date as YYYY-MM-DD/],
    ["from=2025-01-01&to=2024-01-01", /from must be on or before to/],
    ["destination=China", /parameter destination: expected ISO 3166-1 alpha-3/],
  ])("answers %s with a 400 that says what to send instead", async (query, message) => {
    const res = await get(`/api/v1/series?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { status: 400, code: "BAD_REQUEST", message: expect.stringMatching(message) },
    });
  });
});

describe("provenance", () => {
  it("gives every source its type and, where known, where in the document the figure stands", async () => {
    const res = await get("/api/v1/facts?dataset=fixture-reported,fixture-estimates&limit=100");
    const body = res.json<{ facts: { datasetId: string; source: unknown }[] }>();
    const byDataset = (id: string) => body.facts.filter((f) => f.datasetId === id);
    expect(byDataset("fixture-reported").length).toBeGreaterThan(0);
    for (const f of byDataset("fixture-reported"))
      expect(f.source).toMatchObject({ type: "primary", locator: 'Quarterly report, table 2 "Revenue by region"' });
    for (const f of byDataset("fixture-estimates"))
      expect(f.source).toMatchObject({ type: "secondary", locator: null });
    const csv = (await get("/api/v1/facts.csv?dataset=fixture-reported")).body;
    const [header, first] = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(header).toContain("source_url,source_locator,source_type,note");
    expect(first).toContain(',"Quarterly report, table 2 ""Revenue by region""",primary,');
  });
});

describe("GET /api/v1/events", () => {
  it("lists events in date order, filtered by jurisdiction", async () => {
    const all = (await get("/api/v1/events")).json();
    expect(all.events.map((e: { date: string }) => e.date)).toEqual(["2023-10-17", "2025-04"]);
    // What each bears on, as the file says: the rule on tools, the counter-measure on neither in particular.
    expect(all.events.map((e: { topic: string | null }) => e.topic)).toEqual(["tools", null]);
    const china = (await get("/api/v1/events?jurisdiction=CHN")).json();
    expect(china.events).toHaveLength(1);
    expect(china.events[0].source).toMatchObject({
      publisher: "Fixture (synthetic)",
      url: "https://example.org/counter",
    });
  });
});

describe("errors", () => {
  it("answers unknown routes with a 404 in the one JSON error shape", async () => {
    const res = await get("/api/v1/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("documents every route as OpenAPI 3", async () => {
    const spec = (await get("/api/docs/json")).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/health", "/api/v1/series", "/api/v1/dimensions", "/api/v1/events"]),
    );
    expect(spec.paths["/api/v1/series"].get.parameters.map((p: { name: string }) => p.name)).toContain("metric");
  });
});
