import { breakdownQuerySchema, flowsQuerySchema, seriesQuerySchema } from "@chipflow/core";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { WritableDb } from "../src/handles.js";
import { listMigrations } from "../src/migrate.js";
import { findBreakdown } from "../src/queries/find-breakdown.js";
import { findFactsForQuery } from "../src/queries/find-facts-for-query.js";
import { findFactsInPeriod } from "../src/queries/find-facts-in-period.js";
import { findFlows } from "../src/queries/find-flows.js";
import { addsUpPlainly } from "../src/queries/plain-sums.js";
import { findSeries } from "../src/queries/find-series.js";
import { listDimensions } from "../src/queries/list-dimensions.js";
import { MixedUnitsError } from "../src/queries/unit-categories.js";
import { findRollupCells } from "../src/rollups/find-rollup-cells.js";
import { rebuildRollups } from "../src/rollups/rebuild-rollups.js";
import { REBUILD_SCAN_SQL, REBUILD_SQL } from "../src/rollups/rollup-sql.js";
import { buildDb, fact, flawedFacts, input, query, randomFacts, type Fact } from "./random-store.js";

/** A query's answer, or the code of the 400 that refuses it (units of two categories in one figure). */
function outcome<T>(run: () => T): T | { refused: string } {
  try {
    return run();
  } catch (error) {
    if (error instanceof MixedUnitsError) return { refused: error.code };
    throw error;
  }
}

/** The answer of the exact path: the same query with every rollup marker gone (so no rollup counts as fresh). */
function exactly<T>(db: WritableDb, run: () => T): T {
  db.exec("SAVEPOINT exact; DELETE FROM rollup_markers");
  try {
    return run();
  } finally {
    db.exec("ROLLBACK TO exact; RELEASE exact");
  }
}

const sourceSet = (ids: string) =>
  ids
    .split(",")
    .map(Number)
    .sort((a, b) => a - b)
    .join(",");

let rolled = 0;
let asked = 0;
afterAll(() => {
  // The property must exercise the rollup path, not only the fallback: most clean databases take it.
  expect(rolled).toBeGreaterThan(asked / 10);
});

describe("rollups", () => {
  it("give the same series and breakdowns as the exact path, on random small databases and queries", () => {
    fc.assert(
      fc.property(
        fc.oneof(randomFacts, flawedFacts),
        fc.array(query, { minLength: 1, maxLength: 8 }),
        ([facts, priorities], queries) => {
          const db = buildDb(facts, priorities);
          try {
            for (const q of queries) {
              const series = seriesQuerySchema.parse({ ...input(q), interval: q.interval });
              const breakdown = breakdownQuerySchema.parse(input(q));
              asked++;
              if (findRollupCells(db, series.metric, series.metric === "units", series, series.groupBy, () => null))
                rolled++;
              const answers: (() => unknown)[] = [() => findSeries(db, series), () => findBreakdown(db, breakdown)];
              for (const answer of answers) expect(outcome(answer)).toEqual(exactly(db, () => outcome(answer)));
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 100, seed: 20241130 },
    );
  });

  it("hold facts of no vendor (customs figures) as simple rows, unless a vendor's row stands in the same cell", () => {
    const customs = (product: number, origin: Fact["origin"], more: Partial<Fact> = {}): Fact => ({
      ...{ dataset: 0, vendor: null, product, origin, destination: "CHN", period: 0, label: null, metric: "units" },
      ...{ value: 5, ranged: false, pointless: false, kind: "reported", confidence: null, source: 1, ...more },
    });
    const q = seriesQuerySchema.parse({ metric: "units", groupBy: "destination", interval: "month" });
    const rolls = (facts: Fact[]) => {
      const db = buildDb(facts, [0]);
      try {
        return findRollupCells(db, "units", true, q, "destination", () => null, true) !== null;
      } finally {
        db.close();
      }
    };
    expect(rolls([customs(0, "USA"), customs(0, "CHN"), customs(1, "USA")])).toBe(true);
    // A vendor's figure for its own product, beside a country's total of that product that names no vendor.
    const vendors = { vendor: 1, vendorless: true };
    expect(rolls([customs(0, "USA", { vendor: 1 }), customs(0, "USA", vendors)])).toBe(false);
  });

  it("answer a cell that datasets share dataset by dataset: the figure of the higher priority, the other beside it", () => {
    const heading = (dataset: number, value: number, more: Partial<Fact> = {}): Fact => ({
      ...{ dataset, vendor: null, product: 0, origin: "USA", destination: "CHN", period: 0, label: null },
      ...{ metric: "units", value, ranged: false, pointless: false, kind: "reported", confidence: null, source: 1 },
      ...more,
    });
    // d0's two facts are apart by origin (simple: their sum); d1's has a fiscal label, which no sum stands for.
    const facts = [heading(0, 5), heading(0, 7, { origin: "CHN" }), heading(1, 30, { label: "Q1 FY2025" })];
    const db = buildDb(facts, [0, 2]);
    try {
      const q = seriesQuerySchema.parse({ metric: "units", groupBy: "destination", interval: "month" });
      const own = (start: string, end: string) => ({ start, end, coarser: false });
      const cells = findRollupCells(db, "units", true, q, "destination", own)?.cells ?? [];
      expect(
        cells.map(({ group, figure: f }) => [group.key, f.value, f.datasetId, f.alternatives.map((a) => a.value)]),
      ).toEqual([["CHN", 30, "d1", [12]]]);
      // A flow's plain sums take only what the sums answer alone.
      expect(findRollupCells(db, "units", true, q, "destination", own, true)).toBeNull();
    } finally {
      db.close();
    }
  });

  it("are never used once the dataset changed without a rebuild", () => {
    const db = buildDb([], [0]);
    db.prepare(
      "INSERT INTO facts (dataset_id, source_id, vendor_id, product_id, category, origin, destination, period_start, period_end, granularity, metric, value, estimate_kind) VALUES ('d0', 1, 1, 1, 'gpu', 'USA', 'CHN', '2024-01-01', '2024-01-31', 'month', 'units', 5, 'reported')",
    ).run();
    db.prepare("UPDATE datasets SET row_count = 1 WHERE id = 'd0'").run();
    const q = seriesQuerySchema.parse({ metric: "units", groupBy: "vendor", interval: "month" });
    expect(findRollupCells(db, "units", true, q, "vendor", () => null)).toBeNull();
    expect(findSeries(db, q).series.map((s) => s.points.map((p) => p.value))).toEqual([[5]]);
    rebuildRollups(db, "d0");
    expect(findRollupCells(db, "units", true, q, "vendor", () => null)).not.toBeNull();
    expect(findSeries(db, q).series.map((s) => s.points.map((p) => p.value))).toEqual([[5]]);
    db.close();
  });

  it("give the period range the dimensions list while fresh, and the facts give it once a dataset changed", () => {
    const db = buildDb(fc.sample(fact(true), { numRuns: 100, seed: 9 }), [0, 1]);
    const ofFacts = () =>
      db.prepare('SELECT min(period_start) AS "from", max(period_end) AS "to" FROM facts').get() as object;
    expect(listDimensions(db).periodRange).toEqual(ofFacts());
    db.prepare(
      "INSERT INTO facts (dataset_id, source_id, vendor_id, product_id, category, origin, destination, period_start, period_end, granularity, metric, value, estimate_kind) VALUES ('d0', 1, 1, 1, 'gpu', 'USA', 'CHN', '2030-01-01', '2030-12-31', 'year', 'units', 5, 'reported')",
    ).run();
    db.prepare("UPDATE datasets SET row_count = row_count + 1 WHERE id = 'd0'").run();
    expect(listDimensions(db).periodRange).toEqual({ ...ofFacts(), to: "2030-12-31" });
    rebuildRollups(db, "d0");
    expect(listDimensions(db).periodRange).toEqual({ ...ofFacts(), to: "2030-12-31" });
    db.close();
  });

  /** Every rollup row of `db`, each as text, in order. */
  const rollupRows = (db: WritableDb) =>
    ["fact_rollups", "rollup_periods", "rollup_markers"].map((t) =>
      db
        .prepare(`SELECT * FROM ${t}`)
        .all()
        // A row's sources are a set: group_concat lists them in whatever order the scan met them.
        .map((r) => JSON.stringify(r, (k, v: unknown) => (k === "source_ids" ? sourceSet(v as string) : v)))
        .sort(),
    );

  it("are the same whether the rebuild reads the dataset's index entries or the whole table", () => {
    const db = buildDb(fc.sample(fact(true), { numRuns: 200, seed: 8 }), [0, 1]);
    const rebuilt = rollupRows(db);
    expect(rebuilt[0]!.length).toBeGreaterThan(10);
    for (const statements of [REBUILD_SCAN_SQL, REBUILD_SQL]) {
      for (const dataset of ["d0", "d1"]) for (const sql of statements) db.prepare(sql).run(dataset);
      expect(rollupRows(db)).toEqual(rebuilt);
    }
    db.close();
  });

  it("built by migrations 008 and 014 equal those rebuildRollups writes", () => {
    const db = buildDb(fc.sample(fact(true), { numRuns: 200, seed: 7 }), [0, 1]);
    const rebuilt = rollupRows(db);
    expect(rebuilt[0]!.length).toBeGreaterThan(10);
    // Rows of no vendor that only migration 014 makes simple.
    expect(rebuilt[0]!.filter((r) => r.includes('"vendor_id":null') && r.endsWith('"simple":1}'))).not.toEqual([]);
    const migration = (name: string) => listMigrations().find((m) => m.name === name)!.sql;
    const m008 = migration("008_rollups_by_category.sql");
    db.exec("DELETE FROM fact_rollups; DELETE FROM rollup_periods; DELETE FROM rollup_markers");
    db.exec(m008.slice(m008.indexOf("-- Rollups for the datasets already present.")));
    db.exec(migration("014_vendorless_rollups.sql"));
    expect(rollupRows(db)).toEqual(rebuilt);
    db.close();
  });
});

describe("flows", () => {
  it("add plainly summable facts up to the figures the rules resolve, on random small databases and queries", () => {
    let plain = 0;
    let flows = 0;
    fc.assert(
      fc.property(
        fc.oneof(randomFacts, flawedFacts),
        fc.array(query, { minLength: 1, maxLength: 8 }),
        ([facts, priorities], queries) => {
          const db = buildDb(facts, priorities);
          try {
            for (const q of queries) {
              const filter = flowsQuerySchema.parse({ ...input(q), metric: "units" });
              flows++;
              if (addsUpPlainly(db, filter)) plain++;
              const answer = () => findFlows(db, filter);
              expect(outcome(answer)).toEqual(outcome(() => findFlows(db, filter, { plainSums: false })));
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 200, seed: 20261205 },
    );
    // Both ways are exercised: the plain sums on clean databases, the rules on messy ones.
    expect(plain).toBeGreaterThan(flows / 10);
    expect(plain).toBeLessThan(flows);
  });
});

describe("a period's facts", () => {
  it("are those inside it, and the rest overlapping it are counted: read from the facts that start in it, as from all that overlap it", () => {
    fc.assert(
      fc.property(randomFacts, fc.array(query, { minLength: 1, maxLength: 8 }), ([facts, priorities], queries) => {
        const db = buildDb(facts, priorities);
        try {
          for (const q of queries) {
            const filter = flowsQuerySchema.parse({ ...input(q), metric: q.metric });
            // The plain way: every fact overlapping the range, split into those inside it and the rest.
            const overlapping = findFactsForQuery(db, filter.metric, filter);
            const inside = overlapping.filter(
              (f) => (!filter.from || f.periodStart >= filter.from) && (!filter.to || f.periodEnd <= filter.to),
            );
            expect(findFactsInPeriod(db, filter.metric, filter)).toEqual({
              facts: inside,
              excluded: overlapping.length - inside.length,
            });
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 100, seed: 20261204 },
    );
  });
});
