import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openReadonly } from "../src/handles.js";
import { openWritable } from "../src/open-writable.js";
import { seedDatabase } from "../src/seed.js";
import { FIXTURE_DIR } from "./fixture-db.js";
import { writeLargeFactsFile } from "./fixtures/faults/large-import.js";

const IMPORT_CLI = fileURLToPath(new URL("../../../scripts/dist/import.js", import.meta.url));
const ROWS = 200_000;
const KILLS = 10;

/** A seeded pseudo-random sequence (mulberry32), so the kill points are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the import CLI; kills it with SIGKILL after `killAfterMs` unless it is done by then. */
function runImport(file: string, db: string, killAfterMs: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [IMPORT_CLI, file, "--dataset", "load", "--replace", "--db", db], {
      stdio: "ignore",
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === "SIGKILL", code });
    });
  });
}

describe("an import killed with SIGKILL", () => {
  it.skipIf(!existsSync(IMPORT_CLI))(
    `leaves the database intact and the dataset wholly there or wholly absent (${KILLS} kills)`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "chipflow-kill-"));
      const file = join(dir, "load.csv");
      const dbPath = join(dir, "kill.sqlite");
      writeLargeFactsFile(file, ROWS);
      const writer = openWritable(dbPath);
      await seedDatabase(writer, FIXTURE_DIR);
      writer.close();
      const state = () => {
        const db = openReadonly(dbPath);
        try {
          return {
            integrity: db.pragma("integrity_check", { simple: true }),
            facts: db.prepare("SELECT count(*) FROM facts WHERE dataset_id = 'load'").pluck().get() as number,
            dataset: db.prepare("SELECT row_count FROM datasets WHERE id = 'load'").pluck().get() as number | undefined,
            others: contentChecksumWithout(db),
          };
        } finally {
          db.close();
        }
      };
      const initial = state();
      const next = random(7);
      const outcomes: string[] = [];
      for (let i = 0; i < KILLS; i++) {
        const { killed, code } = await runImport(file, dbPath, 150 + Math.floor(next() * 2500));
        const after = state();
        expect(after.integrity).toBe("ok");
        expect(after.others).toBe(initial.others);
        if (after.facts === 0) expect(after.dataset).toBeUndefined();
        else expect([after.facts, after.dataset]).toEqual([ROWS, ROWS]);
        if (!killed) expect(code).toBe(0);
        outcomes.push(killed ? (after.facts ? "killed-after-commit" : "killed") : "finished");
      }
      // The kill points must land inside imports, not only before or after them.
      expect(outcomes.filter((o) => o === "killed").length).toBeGreaterThanOrEqual(5);
    },
    90_000,
  );
});

/** Everything outside the `load` dataset: other datasets' facts, datasets and events. */
function contentChecksumWithout(db: ReturnType<typeof openReadonly>): string {
  return JSON.stringify([
    db.prepare("SELECT * FROM facts WHERE dataset_id <> 'load' ORDER BY id").all(),
    db.prepare("SELECT * FROM datasets WHERE id <> 'load' ORDER BY id").all(),
    db.prepare("SELECT * FROM events ORDER BY id").all(),
  ]);
}
