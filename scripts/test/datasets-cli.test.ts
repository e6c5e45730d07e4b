import { breakdownQuerySchema } from "@chipflow/core";
import {
  ensureSeededDatabase,
  findBreakdown,
  openReadonly,
  type DatasetCoverage,
  type DatasetEntry,
  type VerifyReport,
} from "@chipflow/db";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bufferIo } from "../src/cli/cli-io.js";
import { main } from "../src/datasets.js";

/** A fresh database seeded from the test fixture (synthetic data), in a folder of its own. */
async function createFixtureDb(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "chipflow-datasets-")), "fixture.sqlite");
  await ensureSeededDatabase(path, fileURLToPath(new URL("../../packages/db/test/fixtures/seed/", import.meta.url)));
  return path;
}

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const json = async <T>(...argv: string[]) => {
  const result = await run(...argv, "--json");
  expect(result).toMatchObject({ code: 0, err: "" });
  return JSON.parse(result.out) as T;
};

const count = (db: string, sql: string, ...params: unknown[]) => {
  const handle = openReadonly(db);
  try {
    return handle
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  } finally {
    handle.close();
  }
};

const breakdownOf = (db: string, dataset: string) => {
  const handle = openReadonly(db);
  try {
    const q = breakdownQuerySchema.parse({ metric: "revenue_usd", groupBy: "destination", dataset });
    const { rows, total } = findBreakdown(handle, q);
    return { rows: rows.map((r) => [r.key, r.value]), total };
  } finally {
    handle.close();
  }
};

describe("npm run datasets", () => {
  it("lists every dataset with its kind, facts, periods, checksum, import time and main source", async () => {
    const db = await createFixtureDb();
    const list = await json<DatasetEntry[]>("list", "--db", db);
    expect(list.map((d) => d.id).sort()).toEqual(["fixture-billing", "fixture-estimates", "fixture-reported"]);
    const reported = list.find((d) => d.id === "fixture-reported")!;
    expect(reported).toMatchObject({
      kind: "synthetic",
      facts: count(db, "SELECT count(*) FROM facts WHERE dataset_id = 'fixture-reported'"),
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const text = await run("list", "--db", db);
    expect(text.out.split("\n")[0]).toMatch(/^id +kind +facts +periods +checksum +imported +main source$/);
    expect(text.out).toContain(reported.checksum!.slice(0, 12));
  });

  it("shows one dataset's coverage: facts per metric and year, adding up to its facts", async () => {
    const db = await createFixtureDb();
    const coverage = await json<DatasetCoverage>("show", "fixture-reported", "--db", db);
    const perMetric = coverage.metrics.map((m) => Object.values(m.byYear).reduce((a, b) => a + b, 0));
    expect(perMetric).toEqual(coverage.metrics.map((m) => m.facts));
    expect(perMetric.reduce((a, b) => a + b, 0)).toBe(coverage.dataset.facts);
    const missing = await run("show", "nope", "--db", db);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no dataset nope: the database holds .*fixture-reported/);
  });

  it("renames a dataset in one go: same facts and answers under the new id, none under the old", async () => {
    const db = await createFixtureDb();
    const before = breakdownOf(db, "fixture-reported");
    const facts = count(db, "SELECT count(*) FROM facts WHERE dataset_id = 'fixture-reported'");
    expect(await run("rename", "fixture-reported", "reported-2025", "--db", db)).toMatchObject({
      code: 0,
      out: "renamed fixture-reported to reported-2025\n",
    });
    expect(count(db, "SELECT count(*) FROM facts WHERE dataset_id = 'reported-2025'")).toBe(facts);
    expect(count(db, "SELECT count(*) FROM facts WHERE dataset_id = 'fixture-reported'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM fact_rollups WHERE dataset_id = 'fixture-reported'")).toBe(0);
    expect(breakdownOf(db, "reported-2025")).toEqual(before);

    const taken = await run("rename", "reported-2025", "fixture-billing", "--db", db);
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/a dataset fixture-billing exists already/);
    expect((await run("rename", "reported-2025", "Bad Id", "--db", db)).err).toMatch(/invalid id Bad Id/);
  });

  it("removes a dataset, its facts and the sources nothing else cites, and leaves the rest as it was", async () => {
    const db = await createFixtureDb();
    const kept = (await json<VerifyReport>("verify", "--db", db)).datasets.filter((d) => d.id !== "fixture-estimates");
    const removed = await json<{ facts: number; sources: number }>("remove", "fixture-estimates", "--db", db);
    expect(removed.facts).toBeGreaterThan(0);
    expect(count(db, "SELECT count(*) FROM facts WHERE dataset_id = 'fixture-estimates'")).toBe(0);
    expect(
      count(
        db,
        "SELECT count(*) FROM sources WHERE id NOT IN (SELECT source_id FROM facts UNION SELECT source_id FROM events)",
      ),
    ).toBe(0);
    expect((await json<VerifyReport>("verify", "--db", db)).datasets).toEqual(kept);
    const again = await run("remove", "fixture-estimates", "--db", db);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/no dataset fixture-estimates/);
  });

  it("verifies the file and gives each dataset a digest of its content, the same wherever the same data is", async () => {
    const db = await createFixtureDb();
    const copy = `${db}.copy.sqlite`;
    copyFileSync(db, copy);
    await run("rename", "fixture-reported", "elsewhere", "--db", copy);
    await run("rename", "elsewhere", "fixture-reported", "--db", copy);
    const [a, b] = [
      await json<VerifyReport & { ok: boolean }>("verify", "--db", db),
      await json<VerifyReport>("verify", "--db", copy),
    ];
    expect(a).toMatchObject({ ok: true, integrity: ["ok"], foreignKeyViolations: 0 });
    expect(b.datasets).toEqual(a.datasets);
    expect(new Set(a.datasets.map((d) => d.digest)).size).toBe(3);
  });

  it("says what to do when the command or the database is missing", async () => {
    const none = await run("--db", "/nonexistent/chipflow.sqlite", "list");
    expect(none).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no database at \/nonexistent\/chipflow\.sqlite/),
    });
    const bare = await run();
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/name a command: list, show <id>, rename <id> <new>, remove <id> or verify/);
    const help = await run("--help");
    expect(help.out).toContain("npm run datasets -- verify --json");
  });
});
