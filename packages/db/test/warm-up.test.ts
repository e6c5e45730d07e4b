import { describe, expect, it } from "vitest";
import { openReadonly } from "../src/handles.js";
import { warmUp } from "../src/pool/warm-up.js";
import { createFixtureDb } from "./fixture-db.js";
import { buildDb } from "./random-store.js";

describe("warmUp", () => {
  it("asks four series, a breakdown and a flow three times each of the seeded data, and all answer", async () => {
    const db = openReadonly(await createFixtureDb());
    expect(warmUp(db)).toBe(18);
    db.close();
  });

  it("asks nothing of a database without facts", () => {
    const db = buildDb([], [0]);
    expect(warmUp(db)).toBe(0);
    db.close();
  });
});
