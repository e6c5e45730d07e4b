import { describe, expect, it } from "vitest";
import { openReadonly } from "../src/handles.js";
import { listSourcesByIds } from "../src/queries/list-sources.js";
import { buildDb } from "./random-store.js";

const titles = (sources: { title: string }[]) => sources.map((s) => s.title);

describe("listSourcesByIds", () => {
  it("lists each source asked for once, in id order, and none the database does not hold", () => {
    const db = buildDb([], [0]);
    expect(listSourcesByIds(db, [3, 1, 3, 99])).toMatchObject([
      { id: 1, title: "S1", url: "https://example.org/1", publishedOn: "2024-01" },
      { id: 3, title: "S3", url: "https://example.org/3", publishedOn: "2024-03" },
    ]);
    expect(listSourcesByIds(db, [])).toEqual([]);
    db.close();
  });

  it("reads a source again once another connection changed it", () => {
    const db = buildDb([], [0]);
    const reader = openReadonly(db.name);
    expect(titles(listSourcesByIds(reader, [1, 2]))).toEqual(["S1", "S2"]);
    db.prepare("UPDATE sources SET title = 'S1 (corrected)' WHERE id = 1").run();
    expect(titles(listSourcesByIds(reader, [1, 2]))).toEqual(["S1 (corrected)", "S2"]);
    reader.close();
    db.close();
  });

  it("reads a source again once its own connection changed it", () => {
    const db = buildDb([], [0]);
    expect(titles(listSourcesByIds(db, [2]))).toEqual(["S2"]);
    db.prepare("UPDATE sources SET title = 'S2 (corrected)' WHERE id = 2").run();
    expect(titles(listSourcesByIds(db, [2]))).toEqual(["S2 (corrected)"]);
    db.close();
  });
});
