import { factsQuerySchema, sourcesQuerySchema, type FactsQueryInput } from "@chipflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { openReadonly, type ReadonlyDb } from "../src/handles.js";
import { findFacts } from "../src/queries/find-facts.js";
import { findSources } from "../src/queries/find-sources.js";
import { findUnknownIds } from "../src/queries/find-unknown-ids.js";
import { createFixtureDb } from "./fixture-db.js";

let db: ReadonlyDb;
beforeAll(async () => {
  db = openReadonly(await createFixtureDb());
});
const facts = (q: FactsQueryInput) => findFacts(db, factsQuerySchema.parse(q));

describe("findFacts", () => {
  it("pages through every matching fact with a cursor, in order, each with its source", () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = facts({ limit: 4, sort: "-value", ...(cursor ? { cursor } : {}) });
      seen.push(...page.facts.map((f) => f.value ?? f.low!));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(17);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const [first] = facts({ limit: 1, dataset: "fixture-billing" }).facts;
    expect(first).toMatchObject({ vendorId: "nvidia", destination: "CHN", source: { title: "Billing report Q1" } });
  });

  it("filters by metric and kind", () => {
    expect(facts({ metric: "units", kind: "estimate" }).facts.map((f) => f.value)).toEqual([1_000_000, 200_000]);
  });

  it("rejects a cursor it did not make", () => {
    expect(() => facts({ cursor: "bogus" })).toThrow(/parameter cursor/);
  });
});

describe("findSources and findUnknownIds", () => {
  it("finds the sources behind a dataset", () => {
    const list = findSources(db, sourcesQuerySchema.parse({ dataset: "fixture-billing" }));
    expect(list.map((s) => s.title)).toEqual(["Billing report Q1"]);
  });

  it("names an unknown vendor and lists the ids it knows", () => {
    expect(findUnknownIds(db, { vendor: ["nvidai"] })).toBe(
      'parameter vendor: unknown vendor "nvidai"; expected one of asml, nvidia',
    );
    expect(findUnknownIds(db, { vendor: ["nvidia"], dataset: ["fixture-reported"] })).toBeNull();
  });
});
