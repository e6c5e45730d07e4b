import { iterateFacts, openPostgresReadonly, openReadonly, type ReadonlyDb } from "@chipflow/db";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../packages/db/test/postgres/test-database.js";
import { bufferIo } from "../src/cli/cli-io.js";
import { main } from "../src/import.js";
import { generateFactsCsv } from "./generate-facts.js";

const CLI = fileURLToPath(new URL("../dist/import.js", import.meta.url));
const IMPORT = fileURLToPath(new URL("../../packages/db/test/fixtures/import/", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../../data/examples/facts.csv", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "chipflow-import-pg-"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  // Timings differ from run to run; everything else must not.
  const untimed = (s: string) => s.replace(/in \d+\.\d\d s \([\d,]+ rows\/s\)/g, "in … s");
  return { code, out: untimed(io.out()), err: io.err() };
}

/** Every stored fact with its source, in the export's order. */
const factsOf = (db: ReadonlyDb) => [...iterateFacts(db)].map(({ id: _id, ...fact }) => fact);

describe("npm run import into PostgreSQL", () => {
  it("imports as into SQLite: the same summary, then the same facts, and a second run updates them", async () => {
    const sqlite = join(dir, "same.sqlite");
    const url = await createTestDatabase();
    for (const file of [EXAMPLE, join(IMPORT, "chipflow.csv")]) {
      const [a, b] = [await run(file, "--db", sqlite), await run(file, "--db", url)];
      expect(b).toEqual(a);
      expect(a.code).toBe(0);
    }
    const again = await run(EXAMPLE, "--db", url);
    expect(again.out).toMatch(/0 facts written, 4 updated, 0 rejected/);
    const [from, to] = [openReadonly(sqlite), openPostgresReadonly(url)];
    expect(factsOf(to)).toEqual(factsOf(from));
    expect(factsOf(to).length).toBeGreaterThan(4);
    // The rollups are rebuilt in the same transaction, row for row as SQLite builds them.
    const rollups = (db: ReadonlyDb) =>
      db
        .prepare(
          `SELECT grain, dataset_id, metric, vendor_id, product_id, category, destination, period_start, period_end,
             fact_count, value_sum, low_sum, high_sum, simple FROM fact_rollups`,
        )
        .all()
        .map((r) => JSON.stringify(r))
        .sort();
    expect(rollups(to)).toEqual(rollups(from));
    expect(rollups(to).length).toBeGreaterThan(0);
    // Vacuumed and analysed after each of the three imports, so that the planner can read the facts index-only.
    expect(
      to.prepare("SELECT vacuum_count, analyze_count FROM pg_stat_user_tables WHERE relname = 'facts'").get(),
    ).toEqual({ vacuum_count: 3, analyze_count: 3 });
    from.close();
    to.close();
  });

  it("rejects a file with invalid rows with the same file:line: column messages, writing nothing", async () => {
    const sqlite = join(dir, "invalid.sqlite");
    const url = await createTestDatabase();
    const file = join(IMPORT, "chipflow-invalid.csv");
    const [a, b] = [await run(file, "--db", sqlite), await run(file, "--db", url)];
    expect(a.code).toBe(1);
    expect(b).toEqual(a);
    expect(b.err).toMatch(/chipflow-invalid\.csv:\d+: column \w+: /);
    const db = openPostgresReadonly(url);
    expect(db.prepare("SELECT count(*) FROM facts").pluck().get()).toBe(0);
    db.close();
  });

  it("killed part way, leaves the database as it was: all of the dataset or none of it", async () => {
    const url = await createTestDatabase();
    const big = join(dir, "big.csv");
    await generateFactsCsv(big, 60_000);
    expect((await run(EXAMPLE, "--dataset", "before", "--db", url)).code).toBe(0);
    const child = spawn(process.execPath, [CLI, big, "--dataset", "big", "--db", url], { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    const db = openPostgresReadonly(url);
    // Wait until the import's transaction is open (it holds its lock), then a little more, then pull the plug.
    const importing = () =>
      db
        .prepare(
          "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'chipflow import' AND xact_start IS NOT NULL",
        )
        .pluck()
        .get() as number;
    for (let i = 0; i < 400 && importing() === 0 && child.exitCode === null; i++) await sleep(25);
    expect(importing()).toBe(1);
    await sleep(300);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    for (let i = 0; i < 200 && importing() > 0; i++) await sleep(25); // the server notices the connection is gone
    expect(db.prepare("SELECT count(*) FROM facts WHERE dataset_id = 'before'").pluck().get()).toBe(4);
    expect(db.prepare("SELECT count(*) FROM facts WHERE dataset_id = 'big'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM datasets WHERE id = 'big'").pluck().get()).toBe(0);
    db.close();
  }, 60_000);

  it("imports a .zip or a folder as into SQLite: the same summary and facts, all or nothing", async () => {
    const sqlite = join(dir, "many.sqlite");
    const url = await createTestDatabase();
    const folder = mkdtempSync(join(tmpdir(), "chipflow-import-folder-"));
    for (const name of ["chipflow.csv", "chipflow.jsonl"]) copyFileSync(join(IMPORT, name), join(folder, name));
    const runs = [
      [join(IMPORT, "comtrade-download.zip")],
      [folder, "--dataset-per-file"],
      [folder, "--dataset", "both", "--replace"],
      [folder, "--dataset", "both"], // again: every fact now updated
    ];
    for (const argv of runs) {
      const [a, b] = [await run(...argv, "--db", sqlite), await run(...argv, "--db", url)];
      expect(b, argv.join(" ")).toEqual(a);
      expect(a.code, argv.join(" ")).toBe(0);
    }
    expect((await run(folder, "--dataset", "both", "--db", url)).out).toMatch(/ 0 facts written, \d+ updated/);
    const [from, to] = [openReadonly(sqlite), openPostgresReadonly(url)];
    expect(factsOf(to)).toEqual(factsOf(from));
    const datasets = (db: ReadonlyDb) =>
      db.prepare("SELECT id, row_count, format, checksum FROM datasets ORDER BY id").all();
    expect(datasets(to)).toEqual(datasets(from));
    from.close();
    to.close();
    // A rejected file rejects the run: the same messages, and nothing written.
    const invalid = join(IMPORT, "comtrade-download-invalid.zip");
    const [a, b] = [await run(invalid, "--db", join(dir, "many-invalid.sqlite")), await run(invalid, "--db", url)];
    expect(a.code).toBe(1);
    expect(b).toEqual(a);
    const after = openPostgresReadonly(url);
    expect(after.prepare("SELECT count(*) FROM datasets WHERE id = 'comtrade-download-invalid'").pluck().get()).toBe(0);
    after.close();
  });

  it("compares a file with the partners' reports stored in PostgreSQL, in the import report, as on SQLite", async () => {
    const header =
      "year,reporter,reporter_code,partner,partner_code,flow,flow_code,hs_code,commodity,trade_value_usd,net_weight_kg";
    const compact = (name: string, rows: string[]) => {
      const file = join(dir, name);
      const lines = rows
        .map((r) => r.split(","))
        .map(([y, rep, par, flow, hs, v]) => `${y},,${rep},,${par},,${flow},${hs},,${v},`);
      writeFileSync(file, `${header}\n${lines.join("\n")}\n`);
      return file;
    };
    // The Netherlands' and China's own reports, stored first; then a file that agrees with one and not the other.
    const stored = compact("stored.csv", ["2023,528,156,X,854231,1000000", "2023,156,528,M,854231,500000"]);
    const file = compact("new.csv", ["2023,156,528,M,854231,1250000", "2023,528,156,X,854231,510000"]);
    const reports: string[] = [];
    for (const db of [join(dir, "mirrors.sqlite"), await createTestDatabase()]) {
      expect((await run(stored, "--dataset", "stored", "--db", db)).code).toBe(0);
      const report = join(dir, `mirrors-${reports.length}.md`);
      expect((await run(file, "--dataset", "new", "--dry-run", "--report", report, "--db", db)).code).toBe(0);
      reports.push(readFileSync(report, "utf8"));
    }
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[0]).toContain("Pairs compared: 2; more than 10% apart: 1.");
    expect(reports[0]).toMatch(
      /\| 2 \| HS 8542\.31 \| NLD → CHN \| 2023 \| revenue_usd \| CHN \| 1,250,000 \| .* \| stored \| 1,000,000 \| 20\.0% \|/,
    );
  });
});
