import { flowsQuerySchema, type FlowsQueryInput } from "@chipflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { openReadonly, type ReadonlyDb } from "../src/handles.js";
import { findFlows } from "../src/queries/find-flows.js";
import { createFixtureDb } from "./fixture-db.js";

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
