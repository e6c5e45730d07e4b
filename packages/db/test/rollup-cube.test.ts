import { QueryPool } from "@chipflow/db";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { openReadonly, type WritableDb } from "../src/handles.js";
import { rebuildRollups } from "../src/rollups/rebuild-rollups.js";
import { openWritable } from "../src/open-writable.js";
import { decodeSegment } from "../src/rollups/cube-bytes.js";
import { cubeReads, newCube, readSegmentRows, rollupCube, type CubeSegment } from "../src/rollups/rollup-cube.js";
import { buildDb, fact } from "./random-store.js";

/** Datasets d0, d1 and d2 of clean random facts, with fresh rollups. */
const threeDatasets = () =>
  buildDb(
    fc.sample(fact(true), { numRuns: 300, seed: 11 }).filter((f) => f.dataset < 3),
    [0, 1, 2],
  );

/** Replaces a dataset's facts by one fact, as an import does: new row count and import time, rollups rebuilt. */
function importOne(db: WritableDb, dataset: string, at: string) {
  db.prepare("INSERT OR IGNORE INTO datasets (id, title, kind, priority) VALUES (?, 'Synthetic', 'synthetic', 0)").run(
    dataset,
  );
  db.prepare("DELETE FROM facts WHERE dataset_id = ?").run(dataset);
  db.prepare(
    `INSERT INTO facts (dataset_id, source_id, vendor_id, product_id, category, origin, destination, period_start,
       period_end, granularity, metric, value, estimate_kind)
     VALUES (?, 1, 1, 1, 'gpu', 'USA', 'CHN', '2024-01-01', '2024-01-31', 'month', 'units', 5, 'reported')`,
  ).run(dataset);
  db.prepare("UPDATE datasets SET row_count = 1, imported_at = ? WHERE id = ?").run(at, dataset);
  rebuildRollups(db, dataset);
}

/** A segment's columns as plain arrays, so that two segments compare by value. */
const columnsOf = (s: CubeSegment) =>
  Object.fromEntries(
    Object.entries(s).map(([k, v]: [string, unknown]) => [
      k,
      ArrayBuffer.isView(v)
        ? Array.from(v as Int32Array)
        : v instanceof Map
          ? [...(v as Map<number, Int32Array>)].map(([key, rows]) => [key, Array.from(rows)])
          : v,
    ]),
  );

const pools: QueryPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("the rollup cube", () => {
  it("reads each dataset's rollups once, then only a dataset an import changed, and drops a deleted one", () => {
    const writer = threeDatasets();
    const db = openReadonly(writer.name);
    expect(rollupCube(db).segments.size).toBe(3);
    expect(cubeReads(db)).toBe(3);
    rollupCube(db);
    expect(cubeReads(db)).toBe(3);

    importOne(writer, "d3", "2024-08-01T00:00:00Z");
    expect([...rollupCube(db).segments.keys()].sort()).toEqual(["d0", "d1", "d2", "d3"]);
    expect(cubeReads(db)).toBe(4);
    importOne(writer, "d1", "2024-08-02T00:00:00Z");
    expect(rollupCube(db).segments.get("d1")!.length).toBe(2); // one fact: a row of each grain
    expect(cubeReads(db)).toBe(5);

    writer.prepare("DELETE FROM datasets WHERE id = 'd0'").run();
    expect([...rollupCube(db).segments.keys()].sort()).toEqual(["d1", "d2", "d3"]);
    expect(cubeReads(db)).toBe(5);
    db.close();
    writer.close();
  });

  it("is stored by the import as it is read from the rows, and stored again for a database that lacks it", () => {
    const writer = threeDatasets();
    const cube = newCube();
    for (const id of ["d0", "d1", "d2"]) {
      const parts = writer
        .prepare("SELECT part, marker, bytes FROM rollup_cubes WHERE dataset_id = ?")
        .raw()
        .all(id) as [string, string, Buffer][];
      const marker = parts[0]![1];
      const fromRows = readSegmentRows(writer, cube, id, marker);
      expect(fromRows.length).toBeGreaterThan(0);
      const stored = decodeSegment(new Map(parts.map(([part, , bytes]) => [part, bytes])), cube, id, marker);
      expect(columnsOf(stored!)).toEqual(columnsOf(fromRows));
      // A part missing (a store cut short) is no segment: the rows are read instead.
      expect(
        decodeSegment(new Map(parts.slice(1).map(([part, , bytes]) => [part, bytes])), cube, id, marker),
      ).toBeNull();
    }
    // A database from before the stored cubes: opened for writing, it gets them.
    writer.prepare("DELETE FROM rollup_cubes WHERE dataset_id <> 'd1'").run();
    writer.close();
    const reopened = openWritable(writer.name);
    expect(reopened.prepare("SELECT DISTINCT dataset_id FROM rollup_cubes ORDER BY 1").pluck().all()).toEqual([
      "d0",
      "d1",
      "d2",
    ]);
    reopened.close();
  });

  it("is read once per server: a query thread started later takes it over from the pool", async () => {
    const writer = threeDatasets();
    const pool = new QueryPool({ path: writer.name, identity: () => "file-1", workers: 1, idleMs: 20, keepIdle: 0 });
    pools.push(pool);
    expect(await pool.warm()).toMatchObject({ datasets: 3, read: 3 });
    // The thread ends once idle; the next one starts with the cube the first one shared.
    await expect.poll(() => pool.stats().queries.threads).toBe(0);
    expect(await pool.warm()).toMatchObject({ datasets: 3, read: 0 });

    // An import: the next thread reads the changed dataset only.
    importOne(writer, "d3", "2024-08-01T00:00:00Z");
    await expect.poll(() => pool.stats().queries.threads).toBe(0);
    expect(await pool.warm()).toMatchObject({ datasets: 4, read: 1 });
    writer.close();
  });

  it("is not taken over by a thread reading another file", async () => {
    const writer = threeDatasets();
    let identity = "file-1";
    const pool = new QueryPool({ path: writer.name, identity: () => identity, workers: 1, idleMs: 20, keepIdle: 0 });
    pools.push(pool);
    await pool.warm();
    await expect.poll(() => pool.stats().queries.threads).toBe(0);
    identity = "file-2";
    expect(await pool.warm()).toMatchObject({ datasets: 3, read: 3 });
    writer.close();
  });
});
