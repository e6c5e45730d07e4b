import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type PostgresDb } from "../src/postgres/open-postgres.js";
import { createTestDatabase } from "./postgres/test-database.js";

let url: string;
let db: PostgresDb;

beforeAll(async () => {
  url = await createTestDatabase();
  db = openPostgres(url);
  db.exec(`CREATE TABLE t (id bigint PRIMARY KEY, name text, value double precision);
    INSERT INTO t SELECT g, 'n' || g, g / 4.0 FROM generate_series(1, 1200) g;`);
});
afterAll(() => db?.close());

describe("a synchronous PostgreSQL handle", () => {
  it("returns rows typed as SQLite returns them: counts and sums as numbers, truth values as 1 and 0", () => {
    const sql = `SELECT count(*) AS "count", sum(id) AS "total", sum(id::numeric) AS "exact", min(value) AS "least",
      bool_and(id > 0) AS "positive", max(name) AS "last" FROM t`;
    const sqlite = new Database(":memory:");
    sqlite.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, value REAL);
      WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 1200)
      INSERT INTO t SELECT n, 'n' || n, n / 4.0 FROM g;`);
    const fromSqlite = sqlite
      .prepare(sql.replace("bool_and(id > 0)", "min(id > 0)").replace("id::numeric", "id"))
      .get();
    expect(db.prepare(sql).get()).toEqual(fromSqlite);
    expect(db.prepare(sql).get()).toEqual({
      count: 1200,
      total: 720600,
      exact: 720600,
      least: 0.25,
      positive: 1,
      last: "n999",
    });
  });

  it("binds positional and named parameters, null included", () => {
    const find = db.prepare("SELECT id FROM t WHERE (@name IS NULL OR name = @name) AND id <= @most ORDER BY id");
    expect(find.pluck().all({ name: "n3", most: 10 })).toEqual([3]);
    expect(find.pluck().all({ name: null, most: 2 })).toEqual([1, 2]);
    expect(db.prepare("SELECT name, value FROM t WHERE id = ?").raw().get(4)).toEqual(["n4", 1]);
  });

  it("iterates a large result through a cursor, and closes the cursor when the loop stops early", () => {
    const ids = db.prepare("SELECT id FROM t WHERE id > ? ORDER BY id").pluck();
    expect([...ids.iterate(100)]).toHaveLength(1100);
    for (const id of ids.iterate(0)) if (id === 3) break;
    expect(db.prepare("SELECT count(*) FROM pg_cursors").pluck().get()).toBe(0);
  });

  it("runs writes and reports the rows changed", () => {
    expect(db.prepare("UPDATE t SET name = ? WHERE id > ?").run("x", 1190).changes).toBe(10);
  });

  it("throws PostgreSQL's error, and goes on answering after it", () => {
    expect(() => db.prepare("SELECT nothing FROM t").all()).toThrow('column "nothing" does not exist');
    expect(db.prepare("SELECT 1").pluck().get()).toBe(1);
  });

  it("fails a call that waits too long rather than hanging", () => {
    const slow = openPostgres(url, { timeoutMs: 300 });
    const started = Date.now();
    expect(() => slow.prepare("SELECT pg_sleep(5)").get()).toThrow(/statement timeout|did not answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(3000);
    slow.close();
  });

  it("fails every call once its connection is gone", () => {
    const doomed = openPostgres(url);
    const pid = doomed.prepare("SELECT pg_backend_pid()").pluck().get();
    db.prepare("SELECT pg_terminate_backend(?)").get(pid);
    expect(() => doomed.prepare("SELECT 1").get()).toThrow(/terminat/);
    expect(() => doomed.prepare("SELECT 1").get()).toThrow(/terminat|Connection|ECONNRESET/i);
    doomed.close();
  });

  it("opened read-only, refuses to write", () => {
    const reader = openPostgres(url, { readonly: true });
    expect(() => reader.exec("DELETE FROM t")).toThrow("cannot execute DELETE in a read-only transaction");
    reader.close();
  });

  it("fails at once when the server cannot be reached", () => {
    const nowhere = openPostgres("postgres://postgres@127.0.0.1:1/none");
    expect(() => nowhere.prepare("SELECT 1").get()).toThrow(/ECONNREFUSED/);
    nowhere.close();
  });
});
