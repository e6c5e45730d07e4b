import { describe, expect, it } from "vitest";
import type { WritableDb } from "../src/handles.js";
import { formatRowError } from "../src/import/import-facts.js";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { contentChecksum, factsOf, fixture, tempDbPath } from "./import-helpers.js";

const fresh = (): WritableDb => openWritable(tempDbPath());

describe("importing chipflow's own format", () => {
  it("reads CSV and JSON Lines into the same facts", async () => {
    const db = fresh();
    const csv = await importFile(db, fixture("chipflow.csv"), { dataset: { id: "from-csv" } });
    const jsonl = await importFile(db, fixture("chipflow.jsonl"), { dataset: { id: "from-jsonl" } });
    expect(csv).toMatchObject({ format: "chipflow-csv", read: 4, inserted: 4, rejected: 0, committed: true });
    expect(jsonl).toMatchObject({ format: "chipflow-jsonl", read: 4, inserted: 4, rejected: 0, committed: true });
    expect(factsOf(db, "from-jsonl")).toEqual(factsOf(db, "from-csv"));
    expect(factsOf(db, "from-csv")[3]).toMatchObject({ category: "lithography", metric: "orders_usd", value: null });
  });

  it("records the file's checksum, row count, format and time on the dataset", async () => {
    const db = fresh();
    await importFile(db, fixture("chipflow.csv"));
    const dataset = db.prepare("SELECT * FROM datasets WHERE id = 'chipflow'").get() as Record<string, unknown>;
    expect(dataset).toMatchObject({ kind: "imported", format: "chipflow-csv", row_count: 4, title: "chipflow.csv" });
    expect(dataset.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(String(dataset.imported_at))).toBeGreaterThan(Date.now() - 60_000);
  });

  it("never duplicates a fact when the same file is imported twice", async () => {
    const db = fresh();
    await importFile(db, fixture("chipflow.csv"), { dataset: { id: "twice" } });
    const again = await importFile(db, fixture("chipflow.csv"), { dataset: { id: "twice" } });
    expect(again).toMatchObject({ inserted: 0, updated: 4 });
    expect(db.prepare("SELECT count(*) FROM facts").pluck().get()).toBe(4);
    const replaced = await importFile(db, fixture("chipflow.jsonl"), { dataset: { id: "twice" }, replace: true });
    expect(replaced).toMatchObject({ inserted: 4, updated: 0 });
    expect(db.prepare("SELECT count(*) FROM facts").pluck().get()).toBe(4);
  });

  it("rejects a file with any invalid row whole, naming file, line, column, value and what was expected", async () => {
    const db = fresh();
    await importFile(db, fixture("chipflow.csv"), { dataset: { id: "before" } });
    const before = contentChecksum(db);
    const summary = await importFile(db, fixture("chipflow-invalid.csv"), { dataset: { id: "bad" } });
    expect(summary).toMatchObject({ committed: false, read: 5, rejected: 3, inserted: 0, updated: 0 });
    const messages = summary.errors.map(formatRowError).map((m) => m.replace(/^.*fixtures\/import\//, ""));
    expect(messages).toEqual([
      'chipflow-invalid.csv:3: column destination: expected an ISO 3166-1 alpha-3 code, WLD or ROW (got "XXX")',
      'chipflow-invalid.csv:3: column value: expected a plain number such as 1200000 or 12.5 (got "lots")',
      'chipflow-invalid.csv:4: column period_start: expected a date as YYYY-MM-DD (got "2024-02-30")',
      'chipflow-invalid.csv:4: column estimate_kind: expected one of reported, estimate, forecast (got "guess")',
      'chipflow-invalid.csv:5: column (row): expected 20 fields as in the header, got 5 (got "2024-01-01,2024-12-31,,Examplechip,XA-100")',
    ]);
    expect(contentChecksum(db)).toBe(before);
  });

  it("imports the valid rows with skipInvalid and still reports every skipped one", async () => {
    const db = fresh();
    const summary = await importFile(db, fixture("chipflow-invalid.csv"), { skipInvalid: true });
    expect(summary).toMatchObject({ committed: true, inserted: 2, rejected: 3 });
    expect(new Set(summary.errors.map((e) => e.line))).toEqual(new Set([3, 4, 5]));
    expect(db.prepare("SELECT row_count FROM datasets WHERE id = 'chipflow-invalid'").pluck().get()).toBe(2);
  });

  it("reports bad JSON Lines by line", async () => {
    const summary = await importFile(fresh(), fixture("chipflow-invalid.jsonl"));
    expect(summary.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "(line)", "expected one JSON object per line"],
      [3, "(line)", expect.stringMatching(/^unknown key\(s\) colour \(expected keys: period_start,/)],
      [4, "(line)", "expected a JSON object"],
    ]);
    expect(summary.committed).toBe(false);
  });

  it("counts everything on a dry run and writes nothing", async () => {
    const db = fresh();
    const before = contentChecksum(db);
    const summary = await importFile(db, fixture("chipflow.csv"), { dryRun: true });
    expect(summary).toMatchObject({ inserted: 4, committed: false });
    expect(contentChecksum(db)).toBe(before);
  });

  it("says which columns are missing or unknown when the header is not chipflow's", async () => {
    await expect(importFile(fresh(), fixture("chipflow-wrong-header.csv"), { format: "chipflow" })).rejects.toThrow(
      /chipflow-wrong-header\.csv:1: missing column\(s\) period_label, category, .*; unknown column\(s\) amount/,
    );
    await expect(importFile(fresh(), fixture("chipflow.csv"), { format: "comtrade" })).rejects.toThrow(
      /chipflow\.csv:1: cannot read this file as comtrade: expected a UN Comtrade header/,
    );
  });
});
