import { flowsQuerySchema, type FlowsQueryInput } from "@chipflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { openReadonly, type ReadonlyDb } from "../src/handles.js";
import { findFlows } from "../src/queries/find-flows.js";
import fc from "fast-check";
import { rebuildRollups } from "../src/rollups/rebuild-rollups.js";
import { createFixtureDb } from "./fixture-db.js";
import { buildDb, fact } from "./random-store.js";

let db: ReadonlyDb;
beforeAll(async () => {
  db = openReadonly(await createFixtureDb());
});
const flows = (q: FlowsQueryInput) => findFlows(db, flowsQuerySchema.parse(q));
const linkValues = (r: ReturnType<typeof flows>) =>
  Object.fromEntries(r.sankey.links.map((l) => [`${l.source} > ${l.target}`, [l.value, l.residual]]));

describe("findFlows", () => {
  it("draws vendor → product → destination where the vendor's outflow equals its total, the rest not itemised", () => {
    const r = flows({ metric: "revenue_usd", from: "2024-01-01", to: "2024-12-31" });
    expect(linkValues(r)).toEqual({
      "vendor:nvidia > product:nvidia-h20": [13_000_000_000, false],
      "vendor:nvidia > product:nvidia-h200": [2_000_000_000, false],
      "vendor:nvidia > rest:nvidia": [5_000_000_000, true],
      "product:nvidia-h20 > destination:CHN": [12_000_000_000, false],
      "product:nvidia-h20 > destination:USA": [1_000_000_000, false],
      "product:nvidia-h200 > destination:USA": [2_000_000_000, false],
      "rest:nvidia > destination:CHN": [5_000_000_000, true],
    });
    const out = r.sankey.links.filter((l) => l.source === "vendor:nvidia").reduce((s, l) => s + l.value!, 0);
    expect(out).toBe(20_000_000_000);
    expect(r.sankey.nodes.find((n) => n.id === "rest:nvidia")!.label).toBe("NVIDIA (not itemised)");
  });

  it("draws origin → destination links for the map and counts facts it cannot place", () => {
    const r = flows({ metric: "revenue_eur" });
    expect(r.map.links.map((l) => [l.origin, l.destination, l.value])).toEqual([["NLD", "CHN", 2900]]);
    expect(flows({ metric: "revenue_usd", from: "2024-01-01", to: "2024-12-31" }).map.unplaced).toBe(5);
  });
});

describe("findFlows while an import commits", () => {
  it("resolves by the rules when facts that do not add up plainly arrive between its check and its read", () => {
    const clean = { ...fc.sample(fact(false), { numRuns: 1, seed: 1 })[0]!, vendor: 1, product: 0, period: 0 };
    const writer = buildDb([{ ...clean, origin: "USA", destination: "CHN", value: 5 }], [0]);
    const path = (writer as unknown as { name: string }).name;
    const reader = openReadonly(path);
    const q = flowsQuerySchema.parse({ metric: "units" });
    expect(findFlows(reader, q).map.links.map((l) => l.value)).toEqual([5]);
    // The first quarter, holding January, committed by another connection just as the flow reads its facts.
    let committed = false;
    const racing = new Proxy(reader, {
      get(target, key) {
        if (key !== "prepare") return Reflect.get(target, key, target) as unknown;
        return (sql: string) => {
          if (!committed && sql.includes("CAST(f.value AS BIGINT)")) {
            committed = true;
            writer
              .prepare(
                `INSERT INTO facts (dataset_id, source_id, vendor_id, product_id, category, origin, destination,
                   period_start, period_end, granularity, metric, value, estimate_kind)
                 VALUES ('d0', 2, 1, 1, 'gpu', 'USA', 'CHN', '2024-01-01', '2024-03-31', 'quarter', 'units', 100, 'reported')`,
              )
              .run();
            writer.prepare("UPDATE datasets SET row_count = row_count + 1 WHERE id = 'd0'").run();
            rebuildRollups(writer, "d0");
          }
          return target.prepare(sql);
        };
      },
    });
    const answer = findFlows(racing, q);
    expect(committed).toBe(true);
    // The quarter wins over the month it holds: never 105.
    expect(answer.map.links.map((l) => l.value)).toEqual([100]);
    expect(answer).toEqual(findFlows(reader, q, { plainSums: false }));
    reader.close();
    writer.close();
  });
});
