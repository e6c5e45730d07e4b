import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectOf, type Dialect } from "../src/dialect/dialect.js";
import { openPostgres, type PostgresDb } from "../src/postgres/open-postgres.js";
import type { SqlDb } from "../src/sql-db.js";
import { createTestDatabase } from "./postgres/test-database.js";

const TABLE = `CREATE TABLE t (id INTEGER, tag TEXT, value DOUBLE PRECISION);
  INSERT INTO t VALUES (1, 'b', 2), (2, 'a', 3.5), (3, 'b', NULL), (4, NULL, 4)`;

let postgres: PostgresDb;
const sqlite = new Database(":memory:");
sqlite.exec(TABLE);

beforeAll(async () => {
  postgres = openPostgres(await createTestDatabase());
  postgres.exec(TABLE);
});
afterAll(() => postgres?.close());

/** The rows of one query, written with the handle's dialect, from each engine. */
function onBoth(query: (d: Dialect) => string, ...params: unknown[]) {
  const run = (db: SqlDb) => db.prepare(query(dialectOf(db))).all(...params);
  return { sqlite: run(sqlite), postgres: run(postgres) };
}

function expectSame(query: (d: Dialect) => string, expected: unknown[], ...params: unknown[]) {
  const { sqlite: a, postgres: b } = onBoth(query, ...params);
  expect(a).toEqual(expected);
  expect(b).toEqual(expected);
}

describe("the SQL dialects give the same answers on SQLite and PostgreSQL", () => {
  it("tells the engines apart", () => {
    expect(dialectOf(sqlite as unknown as SqlDb).name).toBe("sqlite");
    expect(dialectOf(postgres).name).toBe("postgres");
  });

  it("jsonList: membership in a bound JSON list, of text or of ids", () => {
    expectSame((d) => `SELECT id FROM t WHERE tag IN ${d.jsonList("?")} ORDER BY id`, [{ id: 1 }, { id: 3 }], '["b"]');
    expectSame(
      (d) => `SELECT id FROM t WHERE (@ids IS NULL OR id IN ${d.jsonList("@ids", "integer")}) ORDER BY id`,
      [{ id: 2 }, { id: 4 }],
      { ids: "[2, 4]" },
    );
  });

  it("groupConcat: in a given order, with a separator, or distinct values", () => {
    expectSame(
      (d) => `SELECT ${d.groupConcat("id", { separator: "|", orderBy: "id DESC" })} AS ids FROM t`,
      [{ ids: "4|3|2|1" }],
    );
    const { sqlite: a, postgres: b } = onBoth(
      (d) => `SELECT ${d.groupConcat("tag", { distinct: true })} AS tags FROM t`,
    );
    expect(new Set((a[0] as { tags: string }).tags.split(","))).toEqual(new Set(["a", "b"]));
    expect(new Set((b[0] as { tags: string }).tags.split(","))).toEqual(new Set(["a", "b"]));
    expectSame((d) => `SELECT ${d.groupConcat("tag")} AS tags FROM t WHERE id > 9`, [{ tags: null }]);
  });

  it("total: a float sum, 0 over no rows", () => {
    expectSame((d) => `SELECT ${d.total("value")} AS s FROM t`, [{ s: 9.5 }]);
    expectSame((d) => `SELECT ${d.total("value")} AS s FROM t WHERE id > 9`, [{ s: 0 }]);
  });

  it("contains, toInteger and every: truth values as 1 and 0", () => {
    expectSame(
      (d) =>
        `SELECT id, ${d.contains("'abc'", "tag")} AS c, ${d.toInteger("value > 3")} AS big FROM t WHERE id < 3 ORDER BY id`,
      [
        { id: 1, c: 1, big: 0 },
        { id: 2, c: 1, big: 1 },
      ],
    );
    expectSame(
      (d) =>
        `SELECT ${d.toInteger(d.every("id > 0"))} AS a, ${d.toInteger(`${d.every("id > 0")} AND count(*) > 4`)} AS b FROM t`,
      [{ a: 1, b: 0 }],
    );
  });

  it("ifNull: the value, or the fallback where it is NULL", () => {
    expectSame(
      (d) => `SELECT ${d.ifNull("tag", "'-'")} AS tag FROM t ORDER BY id`,
      [{ tag: "b" }, { tag: "a" }, { tag: "b" }, { tag: "-" }],
    );
  });

  it("noIndex: the column, whatever the planner does with it", () => {
    expectSame((d) => `SELECT id FROM t WHERE ${d.noIndex("id")} = 2`, [{ id: 2 }]);
  });
});
