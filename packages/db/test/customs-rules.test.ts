import { breakdownQuerySchema, flowsQuerySchema, seriesQuerySchema } from "@chipflow/core";
import fc from "fast-check";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { findBreakdown } from "../src/queries/find-breakdown.js";
import { findFlows } from "../src/queries/find-flows.js";
import { findSeries } from "../src/queries/find-series.js";
import { findSummary } from "../src/queries/find-summary.js";
import { MixedUnitsError } from "../src/queries/unit-categories.js";
import { fixture, tempDbPath } from "./import-helpers.js";

/**
 * Random customs databases in the shape of a Comtrade+ monthly download (synthetic values): flows between five
 * countries in two HS headings, each reported by the exporter, the importer or both (a mirror pair that differs by
 * up to 30%), World rows that add up a reporter's partners and a little more, and months left out at random. Every
 * view must count each flow once: its figures lie between the sum of each flow's smallest report and the sum of its
 * largest (plus what the World rows add beyond their partners), never near twice that.
 */
const COUNTRIES = [
  ["156", "CHN"],
  ["410", "KOR"],
  ["490", "TWN"],
  ["528", "NLD"],
  ["842", "USA"],
] as const;
const HEADINGS = [
  { hs: "8542", product: "hs-8542", category: "integrated_circuits" },
  { hs: "8486", product: "hs-8486", category: "semiconductor_equipment" },
] as const;
const HEADER = readFileSync(fixture("comtrade-monthly-uneven.csv"), "utf8").split(/\r?\n/)[0]!.split(",");

const flow = fc.record({
  exporter: fc.integer({ min: 0, max: 4 }),
  importer: fc.integer({ min: 0, max: 4 }),
  heading: fc.integer({ min: 0, max: 1 }),
  month: fc.integer({ min: 1, max: 12 }),
  value: fc.integer({ min: 1_000, max: 1_000_000 }),
  reportedBy: fc.constantFrom("both", "both", "exporter", "importer"),
  gap: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
  items: fc.option(fc.integer({ min: 1, max: 5_000 }), { freq: 2 }),
});
type Flow = typeof flow extends fc.Arbitrary<infer T> ? T : never;

/** One fact as the importer makes it from a row: who reported it, and for World rows what they add beyond partners. */
interface Report {
  origin: string;
  destination: string;
  heading: number;
  month: number;
  value: number;
  items: number | null;
  extra: number;
}

const db = fc.record({
  flows: fc.uniqueArray(
    flow.filter((f) => f.exporter !== f.importer),
    { maxLength: 40, selector: (f) => `${f.exporter}|${f.importer}|${f.heading}|${f.month}` },
  ),
  // Which reporters (index, flow code) also give a World row per heading and month, and its share beyond partners.
  world: fc.array(
    fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom("X", "M"), fc.double({ min: 0, max: 0.05, noNaN: true })),
    {
      maxLength: 4,
    },
  ),
});
type Db = typeof db extends fc.Arbitrary<infer T> ? T : never;

function row(
  reporter: number,
  flowCode: "X" | "M",
  partner: string,
  f: Pick<Flow, "heading" | "month">,
  value: number,
  items: number | null,
): string {
  const month = String(f.month).padStart(2, "0");
  const cells: Record<string, string> = {
    typeCode: "C",
    freqCode: "M",
    refPeriodId: `2023${month}01`,
    refYear: "2023",
    refMonth: String(f.month),
    period: `2023${month}`,
    reporterCode: COUNTRIES[reporter]![0],
    reporterISO: COUNTRIES[reporter]![1],
    flowCode,
    partnerCode: partner,
    partner2Code: "0",
    classificationCode: "H6",
    cmdCode: HEADINGS[f.heading]!.hs,
    customsCode: "C00",
    motCode: "0",
    qtyUnitCode: items === null ? "" : "5",
    qty: items === null ? "" : String(items),
    primaryValue: String(value),
    isReported: "True",
    isAggregate: "False",
  };
  return HEADER.map((h) => cells[h] ?? "").join(",");
}

/** The Comtrade+ file of a random database, and the reports it holds. */
function toDownload(d: Db): { csv: string; reports: Report[] } {
  const lines = [HEADER.join(",")];
  const reports: Report[] = [];
  const sides: { reporter: number; code: "X" | "M"; f: Flow; value: number }[] = [];
  for (const f of d.flows) {
    const mirrored = Math.round(f.value * (1 + f.gap));
    if (f.reportedBy !== "importer") sides.push({ reporter: f.exporter, code: "X", f, value: f.value });
    if (f.reportedBy !== "exporter") sides.push({ reporter: f.importer, code: "M", f, value: mirrored });
  }
  for (const s of sides) {
    const partner = s.code === "X" ? s.f.importer : s.f.exporter;
    lines.push(row(s.reporter, s.code, COUNTRIES[partner]![0], s.f, s.value, s.f.items));
    reports.push({
      origin: COUNTRIES[s.f.exporter]![1],
      destination: COUNTRIES[s.f.importer]![1],
      heading: s.f.heading,
      month: s.f.month,
      value: s.value,
      items: s.f.items,
      extra: 0,
    });
  }
  const worlds = new Map(d.world.map(([reporter, code, share]) => [`${reporter}|${code}`, share]));
  for (const [key, share] of worlds) {
    const [reporter, code] = [Number(key.split("|")[0]), key.split("|")[1] as "X" | "M"];
    const parts = new Map<string, { heading: number; month: number; sum: number }>();
    for (const s of sides.filter((s) => s.reporter === reporter && s.code === code)) {
      const k = `${s.f.heading}|${s.f.month}`;
      const p = parts.get(k) ?? { heading: s.f.heading, month: s.f.month, sum: 0 };
      p.sum += s.value;
      parts.set(k, p);
    }
    for (const p of parts.values()) {
      const extra = Math.round(p.sum * share);
      lines.push(row(reporter, code, "0", p, p.sum + extra, null));
      const self = COUNTRIES[reporter]![1];
      reports.push({
        origin: code === "X" ? self : "WLD",
        destination: code === "X" ? "WLD" : self,
        heading: p.heading,
        month: p.month,
        value: p.sum + extra,
        items: null,
        extra,
      });
    }
  }
  return { csv: lines.join("\n") + "\n", reports };
}

type Scope = (r: Report) => boolean;

/**
 * The range any figure over a scope may take when each flow counts once: at most the sum of each flow's largest
 * report plus what World rows add beyond their partners; at least the sum of each flow's smallest report, where no
 * World row is in the scope. (A reporter's World row is its reported total and wins over the parts, so it may leave
 * out a flow only its partner reported: with a World row in scope, only the upper bound holds.)
 */
function bounds(reports: Report[], scope: Scope, metric: "revenue_usd" | "units"): [number, number] {
  const byFlow = new Map<string, number[]>();
  let extra = 0;
  let hasWorld = false;
  for (const r of reports.filter(scope)) {
    const world = r.origin === "WLD" || r.destination === "WLD";
    hasWorld ||= world;
    if (world) extra += metric === "revenue_usd" ? r.extra : 0;
    const value = metric === "revenue_usd" ? r.value : r.items;
    if (world || value === null) continue;
    const key = `${r.origin}|${r.destination}|${r.heading}|${r.month}`;
    byFlow.set(key, [...(byFlow.get(key) ?? []), value]);
  }
  const lists = [...byFlow.values()];
  const low = hasWorld ? 0 : lists.reduce((s, l) => s + Math.min(...l), 0);
  return [low, lists.reduce((s, l) => s + Math.max(...l), 0) + extra];
}

const within = (value: number | null, [low, high]: [number, number]) => {
  expect(value).not.toBeNull();
  expect(value!).toBeGreaterThanOrEqual(low - 1e-6);
  expect(value!).toBeLessThanOrEqual(high + 1e-6);
};

const query = fc.record({
  groupBy: fc.constantFrom("origin", "destination", "product", "category"),
  interval: fc.constantFrom("month", "quarter", "year"),
  destination: fc.oneof(
    fc.constant<string[]>([]),
    fc.subarray<string>(
      COUNTRIES.map((c) => c[1]),
      { minLength: 1 },
    ),
  ),
  heading: fc.option(fc.integer({ min: 0, max: 1 })),
  firstHalf: fc.boolean(),
  top: fc.option(fc.integer({ min: 1, max: 3 })),
});
type Query = typeof query extends fc.Arbitrary<infer T> ? T : never;

const monthOf = (date: string) => Number(date.slice(5, 7));
const groupKey = (r: Report, groupBy: Query["groupBy"]) =>
  groupBy === "origin"
    ? r.origin
    : groupBy === "destination"
      ? r.destination
      : groupBy === "product"
        ? HEADINGS[r.heading]!.product
        : HEADINGS[r.heading]!.category;

describe("customs data on random databases", () => {
  it("counts every flow once in every view: World never a part, mirror reports never added, units never mixed", async () => {
    await fc.assert(
      fc.asyncProperty(db, fc.array(query, { minLength: 1, maxLength: 6 }), async (d, queries) => {
        const { csv, reports } = toDownload(d);
        const path = tempDbPath();
        const file = path.replace(/\.sqlite$/, ".csv");
        writeFileSync(file, csv);
        const handle = openWritable(path);
        try {
          await importFile(handle, file, { dataset: { id: "customs" } });
          for (const q of queries) {
            const to = q.firstHalf ? "2023-06-30" : "2023-12-31";
            const filter = {
              from: "2023-01-01",
              to,
              ...(q.destination.length ? { destination: q.destination.join(",") } : {}),
              ...(q.heading !== null ? { product: HEADINGS[q.heading]!.product } : {}),
            };
            const inQuery: Scope = (r) =>
              (q.destination.length === 0 || q.destination.includes(r.destination)) &&
              (q.heading === null || q.heading === r.heading) &&
              (!q.firstHalf || r.month <= 6);
            const inGroup =
              (key: string): Scope =>
              (r) =>
                inQuery(r) && groupKey(r, q.groupBy) === key;
            const placedGroup = (key: string) => key !== "WLD";

            // Breakdown: each row and the total.
            const breakdown = findBreakdown(
              handle,
              breakdownQuerySchema.parse({ ...filter, metric: "revenue_usd", groupBy: q.groupBy }),
            );
            for (const r of breakdown.rows) within(r.value, bounds(reports, inGroup(r.key), "revenue_usd"));
            if (breakdown.rows.length) within(breakdown.total, bounds(reports, inQuery, "revenue_usd"));

            // Series: each point of each line, the stacked height per period, and partial periods marked.
            const series = findSeries(
              handle,
              seriesQuerySchema.parse({
                ...filter,
                metric: "revenue_usd",
                groupBy: q.groupBy,
                interval: q.interval,
                ...(q.top ? { top: String(q.top) } : {}),
              }),
            );
            const stacks = new Map<string, number>();
            for (const s of series.series) {
              for (const p of s.points) {
                const inBucket = (r: Report) => r.month >= monthOf(p.periodStart) && r.month <= monthOf(p.periodEnd);
                stacks.set(p.periodStart, (stacks.get(p.periodStart) ?? 0) + p.value!);
                if (s.key === "other") continue;
                const scope = (r: Report) => inGroup(s.key)(r) && inBucket(r);
                within(p.value, bounds(reports, scope, "revenue_usd"));
                const months = new Set(reports.filter(scope).map((r) => r.month)).size;
                const whole = q.interval === "month" ? 1 : q.interval === "quarter" ? 3 : 12;
                expect(p.coverage === null).toBe(months === whole);
              }
            }
            if (series.other?.folded !== false)
              for (const [start, height] of stacks) {
                const month = monthOf(start);
                const last = month + (q.interval === "month" ? 0 : q.interval === "quarter" ? 2 : 11);
                const scope = (r: Report) =>
                  inQuery(r) && placedGroup(groupKey(r, q.groupBy)) && r.month >= month && r.month <= last;
                within(height, bounds(reports, scope, "revenue_usd"));
              }

            // Map links: one figure per origin → destination, each flow once.
            const flows = findFlows(handle, flowsQuerySchema.parse({ ...filter, metric: "revenue_usd" }));
            for (const l of flows.map.links)
              within(
                l.value,
                bounds(
                  reports,
                  (r) => inQuery(r) && r.origin === l.origin && r.destination === l.destination,
                  "revenue_usd",
                ),
              );

            // A headline tile over the same scope: one resolved figure, each flow once.
            const tile = {
              id: "scope",
              title: "Scope",
              metric: "revenue_usd" as const,
              from: "2023-01-01",
              to,
              filter: {
                destination: q.destination,
                ...(q.heading !== null ? { product: [HEADINGS[q.heading]!.product] } : {}),
              },
            };
            const [figure] = findSummary(handle, [tile]).tiles;
            if (figure) within(figure.figure.value, bounds(reports, inQuery, "revenue_usd"));
            else expect(reports.some(inQuery)).toBe(false);

            // Units: a figure that would add two categories is refused; otherwise no total adds them.
            const cellsOf = (r: Report) => groupKey(r, q.groupBy);
            const withItems = reports.filter((r) => inQuery(r) && r.items !== null);
            const mixedCell = [...new Set(withItems.map(cellsOf))].some(
              (key) => new Set(withItems.filter((r) => cellsOf(r) === key).map((r) => r.heading)).size > 1,
            );
            const units = breakdownQuerySchema.parse({ ...filter, metric: "units", groupBy: q.groupBy });
            if (mixedCell) expect(() => findBreakdown(handle, units)).toThrow(MixedUnitsError);
            else {
              const answer = findBreakdown(handle, units);
              for (const r of answer.rows) within(r.value, bounds(reports, inGroup(r.key), "units"));
              const headings = new Set(withItems.map((r) => r.heading));
              expect(answer.categories).toHaveLength(headings.size);
              if (headings.size > 1) expect(answer.total).toBeNull();
              else if (answer.rows.length) within(answer.total, bounds(reports, inQuery, "units"));
            }
          }
        } finally {
          handle.close();
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
