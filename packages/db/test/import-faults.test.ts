import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WritableDb } from "../src/handles.js";
import { formatRowError } from "../src/import/import-facts.js";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { seedDatabase } from "../src/seed.js";
import { FIXTURE_DIR } from "./fixture-db.js";
import { duplicateKeyFault, listFaults, type Fault } from "./fixtures/faults/fault-corpus.js";
import { contentChecksum, tempDbPath } from "./import-helpers.js";

const faults = listFaults();
const dir = mkdtempSync(join(tmpdir(), "chipflow-faults-"));
let db: WritableDb;
beforeAll(async () => {
  db = openWritable(tempDbPath());
  await seedDatabase(db, FIXTURE_DIR);
});
afterAll(() => db.close());

/** Imports a fault file and returns every message the import gave, thrown or reported. */
async function importFault(fault: Fault): Promise<{ committed: boolean; messages: string[]; file: string }> {
  const file = join(dir, fault.name);
  writeFileSync(file, fault.content);
  try {
    const summary = await importFile(db, file, { format: fault.format ?? "auto" });
    return { committed: summary.committed, messages: summary.errors.map(formatRowError), file };
  } catch (error) {
    return { committed: false, messages: [(error as Error).message], file };
  }
}

describe("import faults", () => {
  it("has a corpus of at least 30 malformed files", () => {
    expect(faults.length).toBeGreaterThanOrEqual(30);
    expect(new Set(faults.map((f) => f.name)).size).toBe(faults.length);
  });

  it.each(faults.map((f) => [f.name, f] as const))(
    "rejects %s naming file and line, and leaves the database as it was",
    async (_name, fault) => {
      const before = contentChecksum(db);
      const { committed, messages, file } = await importFault(fault);
      expect(committed).toBe(false);
      expect(messages.length).toBeGreaterThan(0);
      const where = fault.column ? `${file}:${fault.line}: column ${fault.column}` : `${file}:${fault.line}:`;
      expect(
        messages.some((m) => m.startsWith(where)),
        messages.join("\n").slice(0, 500),
      ).toBe(true);
      for (const m of messages) expect(m.length).toBeLessThan(2000);
      expect(contentChecksum(db)).toBe(before);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    },
  );

  it("rejects a file holding the same fact twice, naming the repeated row, and leaves the database as it was", async () => {
    const before = contentChecksum(db);
    const fault = duplicateKeyFault();
    const { committed, messages, file } = await importFault(fault);
    expect(committed).toBe(false);
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`^${file}:${fault.line}: column metric: repeats a fact`)),
    ]);
    expect(contentChecksum(db)).toBe(before);
  });
});
