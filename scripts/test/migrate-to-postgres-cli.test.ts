import {
  ensureSeededDatabase,
  listMigrations,
  openPostgresReadonly,
  openPostgresWritable,
  openReadonly,
  type ReadonlyDb,
} from "@chipflow/db";
import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../packages/db/test/postgres/test-database.js";
import { bufferIo } from "../src/cli/cli-io.js";
import { main } from "../src/migrate-to-postgres.js";

const FIXTURE = fileURLToPath(new URL("../../packages/db/test/fixtures/seed/", import.meta.url));
const TABLES = ["countries", "vendors", "products", "buyers", "sources", "datasets", "facts", "events"];
const ROLLUPS = ["fact_rollups", "rollup_periods", "rollup_markers", "rollup_cubes"];
const dir = mkdtempSync(join(tmpdir(), "chipflow-to-postgres-"));
const sqlite = join(dir, "fixture.sqlite");
let url: string;

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** A table's rows as sorted JSON lines (bytes in hex): the same on both engines when the copy is faithful. */
const rowsOf = (db: ReadonlyDb, table: string) =>
  db
    .prepare(`SELECT * FROM ${table}`)
    .all()
    .map((r) =>
      JSON.stringify(
        Object.entries(r as Record<string, unknown>).map(([k, v]) => [
          k,
          v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v,
        ]),
      ),
    )
    .sort();

beforeAll(async () => {
  await ensureSeededDatabase(sqlite, FIXTURE);
  url = await createTestDatabase();
});

describe("npm run migrate-to-postgres", () => {
  it("copies every table row for row, numbers, NULLs and empty texts alike", async () => {
    const { code, out } = await run("--from", sqlite, "--to", url);
    expect(code).toBe(0);
    expect(out).toMatch(/^copied .* to PostgreSQL in [\d.]+ s: countries \d+, vendors \d+, .*facts \d+/);
    const [from, to] = [openReadonly(sqlite), openPostgresReadonly(url)];
    for (const table of [...TABLES, ...ROLLUPS]) expect(rowsOf(to, table), table).toEqual(rowsOf(from, table));
    expect(to.prepare("SELECT count(*) FROM facts").pluck().get()).toBeGreaterThan(10);
    // Vacuumed and analysed after the copy, so that the planner can read the facts index-only.
    expect(
      to.prepare("SELECT vacuum_count, analyze_count FROM pg_stat_user_tables WHERE relname = 'facts'").get(),
    ).toEqual({ vacuum_count: 1, analyze_count: 1 });
    expect(to.prepare("SELECT max(version) FROM schema_migrations").pluck().get()).toBe(
      listMigrations().at(-1)!.version,
    );
    from.close();
    to.close();
  });

  it("sets each identity past the largest id copied, so new rows get new ids", () => {
    const db = openPostgresWritable(url);
    const top = db.prepare("SELECT max(id) FROM sources").pluck().get() as number;
    db.exec("BEGIN");
    const id = db
      .prepare(
        "INSERT INTO sources (publisher, title, url, published_on) VALUES ('P', 'T', 'https://x.org', '2024') RETURNING id",
      )
      .pluck()
      .get();
    db.exec("ROLLBACK");
    expect(id).toBe(top + 1);
    db.close();
  });

  it("refuses a target that holds data, and replaces it with --replace", async () => {
    const again = await run("--from", sqlite, "--to", url);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/the target already holds 3 datasets: run with --replace to replace them/);
    expect((await run("--from", sqlite, "--to", url, "--replace")).code).toBe(0);
  });

  it("copies all or nothing: a row PostgreSQL refuses leaves the target as it was", async () => {
    const broken = join(dir, "broken.sqlite");
    copyFileSync(sqlite, broken);
    const raw = new Database(broken);
    raw.pragma("foreign_keys = OFF"); // as a hand-edited file may be
    raw.prepare("UPDATE facts SET source_id = 999999 WHERE id = (SELECT max(id) FROM facts)").run();
    raw.close();
    const before = openPostgresReadonly(url);
    const facts = rowsOf(before, "facts");
    const { code, err } = await run("--from", broken, "--to", url, "--replace");
    expect(code).toBe(1);
    expect(err).toMatch(/violates foreign key constraint/);
    expect(rowsOf(before, "facts")).toEqual(facts);
    before.close();
  });

  it("creates a role that may read and nothing else", async () => {
    const role = `reader_${process.pid}`;
    const { code, out } = await run("--from", sqlite, "--to", url, "--replace", "--reader", role);
    expect(code).toBe(0);
    expect(out).toContain(`role ${role} may read (SELECT) and nothing else`);
    const asReader = new URL(url);
    asReader.username = role;
    const db = openPostgresReadonly(asReader.href, { timeoutMs: 5000 });
    expect(db.prepare("SELECT count(*) FROM datasets").pluck().get()).toBe(3);
    expect(() => db.exec("BEGIN READ WRITE; DELETE FROM facts")).toThrow(/permission denied for table facts/);
    db.close();
  });

  it("says what is wrong with a bad command line", async () => {
    const bad = await run("--from", sqlite, "--to", "mysql://nope");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/invalid --to "mysql:\/\/nope": expected postgres:\/\//);
    const missing = await run("--from", join(dir, "none.sqlite"), "--to", url);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no database at .*none\.sqlite/);
  });
});
