import {
  FACT_COLUMNS,
  breakdownQuerySchema,
  breakdownResponseSchema,
  factsQuerySchema,
  factsResponseSchema,
  flowsQuerySchema,
  flowsResponseSchema,
  seriesQuerySchema,
  seriesResponseSchema,
} from "@chipflow/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {} from "../src/plugins/query-cache.js";
import { fixture } from "../../../packages/db/test/import-helpers.js";
import { findBreakdown, findFacts, findFlows, findSeries, importFile, openWritable } from "@chipflow/db";
import { buildApp } from "../src/app.js";
import { createTestStore } from "./test-store.js";
import { buildTestApp } from "./build-test-app.js";
import { expectErrorShape } from "./expect-error-shape.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

describe("GET /api/v1/breakdown, /flows, /summary, /facts, /sources, /datasets", () => {
  it("ranks destinations over 2024 with the vendor total instead of its products", async () => {
    const body = (
      await get("/api/v1/breakdown?metric=revenue_usd&groupBy=destination&from=2024-01-01&to=2024-12-31")
    ).json();
    expect(body.rows.map((r: { key: string; value: number; basis: string }) => [r.key, r.value, r.basis])).toEqual([
      ["CHN", 17_000_000_000, "reported"],
      ["USA", 3_000_000_000, "sum"],
    ]);
  });

  it("gives Sankey and map links over a period, and refuses a metric that does not add up", async () => {
    const body = (await get("/api/v1/flows?metric=revenue_usd&from=2024-01-01&to=2024-12-31")).json();
    expect(body.sankey.nodes.map((n: { id: string }) => n.id)).toContain("rest:nvidia");
    const bad = await get("/api/v1/flows?metric=levy_pct");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/parameter metric: levy_pct does not add up.*units, revenue_usd/);
  });

  it("sends each view's answer as its query gives it, serialised on the query thread, in the documented shape", async () => {
    const views = [
      [
        "series",
        "metric=units&groupBy=destination&interval=quarter&top=2",
        seriesQuerySchema,
        findSeries,
        seriesResponseSchema,
      ],
      [
        "breakdown",
        "metric=revenue_usd&groupBy=vendor&from=2024-01-01",
        breakdownQuerySchema,
        findBreakdown,
        breakdownResponseSchema,
      ],
      ["flows", "metric=revenue_usd&from=2024-01-01&to=2024-12-31", flowsQuerySchema, findFlows, flowsResponseSchema],
      ["facts", "metric=units&limit=3", factsQuerySchema, findFacts, factsResponseSchema],
    ] as const;
    for (const [view, query, querySchema, find, responseSchema] of views) {
      const res = await get(`/api/v1/${view}?${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      const expected = (find as (db: unknown, q: unknown) => unknown)(
        app.db,
        querySchema.parse(Object.fromEntries(new URLSearchParams(query))),
      );
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(responseSchema.safeParse(res.json()).success).toBe(true);
    }
  });

  it("gives the headline tiles with their sources and range", async () => {
    const body = (await get("/api/v1/summary")).json();
    const revenue = body.tiles.find((t: { id: string }) => t.id === "h20-china-2024-revenue");
    expect(revenue.figure).toMatchObject({ value: 12e9, low: 12e9, high: 15e9, estimateKind: "estimate" });
    expect(body.sources.length).toBeGreaterThan(1);
  });

  it("pages facts with a cursor and lists sources and datasets", async () => {
    const first = (await get("/api/v1/facts?limit=10")).json();
    const second = (await get(`/api/v1/facts?limit=10&cursor=${first.nextCursor}`)).json();
    expect(first.facts).toHaveLength(10);
    expect(second.facts).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    expect(first.facts[0].source.publisher).toBe("Fixture (synthetic)");
    const sources = (await get("/api/v1/sources?dataset=fixture-billing")).json();
    expect(sources.sources.map((s: { title: string }) => s.title)).toEqual(["Billing report Q1"]);
    const datasets = (await get("/api/v1/datasets")).json();
    expect(datasets.datasets.map((d: { id: string }) => d.id)).toEqual([
      "fixture-reported",
      "fixture-billing",
      "fixture-estimates",
    ]);
  });
});

describe("CSV", () => {
  it("renders a series as RFC 4180 CSV from the same query, with a filename and a link to its sources", async () => {
    const res = await get("/api/v1/series.csv?metric=revenue_usd&groupBy=destination&dataset=fixture-reported&bom=1");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="chipflow-series-revenue_usd-by-destination-quarter.csv"',
    );
    expect(res.headers.link).toMatch(/^<\/api\/v1\/series\.csv\?.*part=sources>; rel="describedby"/);
    expect(res.body.startsWith("\ufeffseries_key,series_label,period_start")).toBe(true);
    const lines = res.body.slice(1).trimEnd().split("\r\n");
    const json = (await get("/api/v1/series?metric=revenue_usd&groupBy=destination&dataset=fixture-reported")).json();
    const points = json.series.flatMap((s: { points: unknown[] }) => s.points);
    expect(lines).toHaveLength(points.length + 1);
    expect(lines).toContain(
      "USA,United States of America,2025-01-27,2025-04-27,Q1 FY2026,3000,3000,3000,reported,high,reported,false,,quarter,fixture-reported,1,,part",
    );
    const sources = await get(`${res.headers.link!.toString().slice(1).split(">")[0]}`);
    expect(sources.body.split("\r\n")[0]).toBe("\ufeffsource_id,publisher,title,date,url,locator,type,notes");
    expect(sources.headers["content-disposition"]).toMatch(/-sources\.csv"$/);
  });

  it("gives format=csv the same as the .csv suffix, for breakdowns too", async () => {
    const a = await get("/api/v1/breakdown?groupBy=vendor&format=csv");
    const b = await get("/api/v1/breakdown.csv?groupBy=vendor");
    expect(a.body).toBe(b.body);
    expect(a.body.split("\r\n")[0]).toMatch(/^rank,key,label,value/);
  });

  it("renders the Sankey's links as CSV from the same flows query, one row per link", async () => {
    const query = "metric=revenue_usd&dataset=fixture-estimates&from=2024-01-01&to=2024-12-31";
    const json = (await get(`/api/v1/flows?${query}`)).json();
    const res = await get(`/api/v1/flows.csv?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(
      /filename="chipflow-flows-revenue_usd-from-2024-01-01-to-2024-12-31\.csv"/,
    );
    const lines = res.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "source,source_label,target,target_label,value,low,high,estimate_kind,confidence,basis,not_itemised,dataset,source_ids",
    );
    expect(lines).toHaveLength(json.sankey.links.length + 1);
    expect(json.sankey.links.length).toBeGreaterThan(0);
    const first = json.sankey.links[0];
    expect(lines[1]!.startsWith(`${first.source},`)).toBe(true);
    expect(lines[1]).toContain(`,${first.value},`);
  });

  it("exports facts in exactly the importer's columns, formula-like text neutralised and numbers kept", async () => {
    const res = await get("/api/v1/facts.csv?dataset=fixture-estimates&metric=charge_usd,revenue_usd");
    expect(res.body.split("\n")[0]!.trim()).toBe(FACT_COLUMNS.join(","));
    expect(res.body.trimEnd().split("\n")).toHaveLength(1 + 5);
    expect(res.headers["content-disposition"]).toMatch(
      /filename="chipflow-facts-charge_usd-revenue_usd-fixture-estimates\.csv"/,
    );
  });
});

describe("errors and caching", () => {
  it.each([
    ["/api/v1/series?vendor=nvidai", /parameter vendor: unknown vendor "nvidai"; expected one of asml, nvidia/],
    ["/api/v1/breakdown?dataset=nope", /parameter dataset: unknown dataset "nope"/],
    ["/api/v1/facts?category=chips", /parameter category: unknown category "chips"; expected one of ai_accelerator/],
    ["/api/v1/facts?metric=profit", /parameter metric: invalid metric: expected one or more of units/],
    ["/api/v1/facts?cursor=xyz", /parameter cursor/],
    ["/api/v1/flows?from=2024-02-30", /parameter from: expected a date as YYYY-MM-DD/],
    ["/api/v1/breakdown?from=2025-01-01&to=2024-01-01", /from must be on or before to/],
    ["/api/v1/events?jurisdiction=China", /parameter jurisdiction: expected ISO 3166-1 alpha-3/],
    ["/api/v1/series.csv?format=xml", /parameter format: invalid format: expected one of json, csv/],
  ])("answers %s with a 400 naming the parameter", async (url, message) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { status: 400, code: "BAD_REQUEST", message: expect.stringMatching(message) },
    });
    expect(res.headers.etag).toBeUndefined();
  });

  it("sends an ETag from the data version and answers 304 when the client has it", async () => {
    const first = await get("/api/v1/summary");
    const health = (await get("/api/health")).json();
    expect(first.headers.etag).toBe(`"${health.dataVersion}"`);
    expect(first.headers["cache-control"]).toMatch(/max-age=\d+/);
    const again = await get("/api/v1/summary", { "if-none-match": first.headers.etag! });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });

  it("serves a repeated query from the cache, and computes concurrent misses of one query once", async () => {
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { n: runs };
    };
    const [a, b] = await Promise.all([app.queryCache.get("probe", compute), app.queryCache.get("probe", compute)]);
    expect(b).toBe(a);
    expect(await app.queryCache.get("probe", compute)).toBe(a);
    expect(runs).toBe(1);
  });

  it("documents every query route as OpenAPI 3", async () => {
    const spec = (await get("/api/docs/json")).json();
    for (const path of [
      "series",
      "series.csv",
      "breakdown",
      "flows",
      "facts",
      "facts.csv",
      "summary",
      "sources",
      "datasets",
      "events",
    ])
      expect(Object.keys(spec.paths)).toContain(`/api/v1/${path}`);
    expect(spec.paths["/api/v1/facts"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["cursor", "sort", "limit", "vendor"]),
    );
  });
});

describe("units of different product categories", () => {
  let customs: FastifyInstance;
  beforeAll(async () => {
    const store = await createTestStore(async (path) => {
      const db = openWritable(path);
      await importFile(db, fixture("comtrade-plus-two-headings.csv"), { dataset: { id: "customs" } });
      db.close();
    });
    customs = await buildApp(store);
  });
  afterAll(() => customs.close());

  it.each([
    "/api/v1/breakdown?metric=units&groupBy=destination&destination=CHN&dataset=customs",
    "/api/v1/series.csv?metric=units&groupBy=destination&interval=year&dataset=customs",
    "/api/v1/flows?metric=units&dataset=customs",
  ])("are refused with a 400 that names them and says what to send, for %s", async (url) => {
    const res = await customs.inject({ method: "GET", url });
    expectErrorShape(res, 400);
    expect(res.json().error).toMatchObject({
      code: "UNITS_MIXED_CATEGORIES",
      message: expect.stringContaining("units of integrated_circuits, semiconductor_equipment"),
    });
  });

  it("add up within the category asked for", async () => {
    const url = "/api/v1/breakdown?metric=units&groupBy=origin&destination=CHN&category=integrated_circuits";
    const body = (await customs.inject({ method: "GET", url })).json();
    expect(body).toMatchObject({ total: 1_500_000, categories: ["integrated_circuits"] });
  });
});
