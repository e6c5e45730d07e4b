import {
  breakdownQuerySchema,
  factsQuerySchema,
  FACT_SORTS,
  flowsQuerySchema,
  seriesQuerySchema,
  sourcesQuerySchema,
} from "@chipflow/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresReadonly, type ReadonlyDb } from "../src/handles.js";
import { copySqliteToPostgres } from "../src/postgres/copy-sqlite-to-postgres.js";
import { findBreakdown } from "../src/queries/find-breakdown.js";
import { findFacts } from "../src/queries/find-facts.js";
import { findFlows } from "../src/queries/find-flows.js";
import { findSeries } from "../src/queries/find-series.js";
import { findSources } from "../src/queries/find-sources.js";
import { findSummary } from "../src/queries/find-summary.js";
import { getDataVersion } from "../src/queries/get-data-version.js";
import { listDimensions } from "../src/queries/list-dimensions.js";
import { findRollupCells, listRollupCells, type RollupCell } from "../src/rollups/find-rollup-cells.js";
import { buildDb, input, query, randomFacts, type Query } from "./random-store.js";
import { createTestDatabase } from "./postgres/test-database.js";

let url: string;
let postgres: ReadonlyDb;

beforeAll(async () => {
  url = await createTestDatabase();
  postgres = openPostgresReadonly(url);
});
afterAll(() => postgres?.close());

/** A query's answer, or the error it throws (a 400 for units of two categories, say): either must match. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Every read query of the API for one random query, as functions of the handle. */
function readsOf(q: Query, extra: { sort: string; limit: number; search: string }) {
  const series = seriesQuerySchema.parse({ ...input(q), interval: q.interval });
  const breakdown = breakdownQuerySchema.parse(input(q));
  const flows = flowsQuerySchema.parse({ ...input(q), metric: q.metric });
  const facts = factsQuerySchema.parse({ ...input(q), sort: extra.sort, limit: extra.limit });
  const sources = sourcesQuerySchema.parse({ dataset: q.dataset.join(","), q: extra.search });
  return {
    series: (db: ReadonlyDb) => findSeries(db, series),
    rollups: (db: ReadonlyDb) => {
      const own = (start: string, end: string) => ({ start, end, coarser: false });
      const rolled = findRollupCells(db, series.metric, series.metric === "units", series, series.groupBy, own);
      // Engines may hand the rows over in another order: the cells are compared in order of group and period.
      const order = (c: RollupCell) => `${c.group.key}/${c.start}/${c.end}`;
      const cells = rolled && listRollupCells(rolled).sort((a, b) => order(a).localeCompare(order(b)));
      return rolled && { excluded: rolled.excluded, cells };
    },
    breakdown: (db: ReadonlyDb) => findBreakdown(db, breakdown),
    flows: (db: ReadonlyDb) => findFlows(db, flows),
    // The first page, then the page after it: cursors work across engines' sort orders alike.
    facts: (db: ReadonlyDb) => {
      const first = findFacts(db, facts);
      return [first, first.nextCursor ? findFacts(db, { ...facts, cursor: first.nextCursor }) : null];
    },
    summary: (db: ReadonlyDb) => findSummary(db),
    sources: (db: ReadonlyDb) => findSources(db, sources),
  };
}

describe("SQLite and PostgreSQL", () => {
  it("give identical answers to every query on random databases, from rollups and the exact way alike", async () => {
    let compared = 0;
    let rolled = 0;
    await fc.assert(
      fc.asyncProperty(
        randomFacts,
        fc.array(
          fc.tuple(
            query,
            fc.record({
              sort: fc.constantFrom(...FACT_SORTS),
              limit: fc.integer({ min: 1, max: 7 }),
              search: fc.constantFrom("", "s1", "SYNTH", "china", "x"),
            }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async ([facts, priorities], queries) => {
          const sqlite = buildDb(facts, priorities);
          try {
            await copySqliteToPostgres(sqlite.name, url, { replace: true });
            expect(listDimensions(postgres)).toEqual(listDimensions(sqlite));
            for (const [q, extra] of queries)
              for (const [name, read] of Object.entries(readsOf(q, extra))) {
                const answer = outcome(() => read(postgres));
                expect(answer, name).toEqual(outcome(() => read(sqlite)));
                if (name === "rollups" && answer !== null) rolled++;
                compared++;
              }
          } finally {
            sqlite.close();
          }
        },
      ),
      { numRuns: 20, seed: 20261204 },
    );
    expect(compared).toBeGreaterThan(100);
    expect(rolled).toBeGreaterThan(5); // both engines answer from their rollups, not only the exact way
  }, 120_000);

  it("both give a data version that changes when the data does", async () => {
    const sqlite = buildDb([], [0]);
    await copySqliteToPostgres(sqlite.name, url, { replace: true });
    const before = getDataVersion(postgres);
    expect(before).toMatch(/^[\w-]{16}$/);
    sqlite.prepare("UPDATE datasets SET row_count = 7").run();
    await copySqliteToPostgres(sqlite.name, url, { replace: true });
    expect(getDataVersion(postgres)).not.toBe(before);
    sqlite.close();
  });
});
