import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openReadonly } from "../src/handles.js";
import { getChangeMarker } from "../src/queries/get-change-marker.js";
import { watchWalIndex } from "../src/watch-wal-index.js";
import { buildDb } from "./random-store.js";

/** A seeded random generator, so that a failing sequence can be run again. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe("watchWalIndex", () => {
  it("says the index moved the first time, then only after a commit", () => {
    const db = buildDb([], [0]);
    const reader = openReadonly(db.name);
    const watch = watchWalIndex(reader)!;
    expect(watch.moved()).toBe(true);
    expect(watch.moved()).toBe(false);
    reader.prepare("SELECT count(*) FROM sources").get();
    expect(watch.moved()).toBe(false);
    db.prepare("UPDATE sources SET title = 'S1 (corrected)' WHERE id = 1").run();
    expect(watch.moved()).toBe(true);
    expect(watch.moved()).toBe(false);
    db.exec("BEGIN; UPDATE sources SET title = 'never' WHERE id = 1; ROLLBACK");
    expect(watch.moved()).toBe(false);
    // Another process's commit, through its own mapping of the index.
    const script = `import Database from "better-sqlite3"; new Database(${JSON.stringify(db.name)}).exec("UPDATE sources SET title = 'S2 (corrected)' WHERE id = 2");`;
    execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
    });
    expect(watch.moved()).toBe(true);
    expect(reader.prepare("SELECT title FROM sources WHERE id = 2").pluck().get()).toBe("S2 (corrected)");
    watch.close();
    reader.close();
    db.close();
  });

  it("never says unmoved when SQLite's change marker moved, whatever the writers do", () => {
    const db = buildDb([], [0]);
    const other = new Database(db.name);
    const reader = openReadonly(db.name);
    const watch = watchWalIndex(reader)!;
    const next = random(11);
    let marker = "";
    let unmoved = 0;
    for (let step = 0; step < 400; step++) {
      const writer = next() < 0.5 ? db : other;
      const r = next();
      if (r < 0.3) writer.prepare("UPDATE sources SET title = ? WHERE id = 1").run(`S1 #${step}`);
      else if (r < 0.4) writer.exec("BEGIN; UPDATE sources SET title = 'never' WHERE id = 1; ROLLBACK");
      else if (r < 0.5) writer.pragma(`wal_checkpoint(${next() < 0.5 ? "PASSIVE" : "TRUNCATE"})`);
      else if (r < 0.6) reader.prepare("SELECT count(*) FROM sources").get();
      if (watch.moved()) marker = getChangeMarker(reader);
      else {
        unmoved++;
        expect(getChangeMarker(reader)).toBe(marker);
      }
    }
    expect(unmoved).toBeGreaterThan(100);
    watch.close();
    for (const handle of [reader, other, db]) handle.close();
  });

  it("has nothing to watch in a database held in memory or not in WAL mode", () => {
    const file = join(mkdtempSync(join(tmpdir(), "chipflow-journal-")), "db.sqlite");
    const rollback = new Database(file);
    rollback.pragma("journal_mode = DELETE");
    rollback.exec("CREATE TABLE t (x)");
    const reader = openReadonly(file);
    expect(watchWalIndex(reader)).toBeNull();
    expect(watchWalIndex(new Database(":memory:") as unknown as typeof reader)).toBeNull();
    reader.close();
    rollback.close();
  });
});
