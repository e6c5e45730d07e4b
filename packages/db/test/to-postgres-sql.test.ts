import { describe, expect, it } from "vitest";
import { toPostgresSql } from "../src/postgres/to-postgres-sql.js";

describe("toPostgresSql", () => {
  it("numbers positional placeholders in order, each cast to its value's type", () => {
    expect(toPostgresSql("SELECT * FROM facts WHERE metric = ? AND id > ? AND value < ?", ["units", 7, 1.5])).toEqual({
      text: "SELECT * FROM facts WHERE metric = $1::text AND id > $2::int4 AND value < $3::float8",
      values: ["units", 7, 1.5],
    });
    expect(toPostgresSql("SELECT ?", [2 ** 40])).toEqual({ text: "SELECT $1::int8", values: [2 ** 40] });
  });

  it("binds a named placeholder once however often it appears", () => {
    expect(toPostgresSql("SELECT 1 WHERE (@from IS NULL OR period_end >= @from)", [{ from: "2024-01-01" }])).toEqual({
      text: "SELECT 1 WHERE ($1::text IS NULL OR period_end >= $1::text)",
      values: ["2024-01-01"],
    });
  });

  it("writes a null as the literal NULL, which PostgreSQL types from its context", () => {
    expect(toPostgresSql("SELECT 1 WHERE (@ids IS NULL OR id IN (@ids)) AND ? IS NULL", [null, { ids: null }])).toEqual(
      { text: "SELECT 1 WHERE (NULL IS NULL OR id IN (NULL)) AND NULL IS NULL", values: [] },
    );
  });

  it("leaves question marks and at signs inside quoted text, quoted names and comments alone", () => {
    const sql = `SELECT 'why?' AS "a@b", 'it''s @x' -- what? @y
      /* and ? here */ , ?`;
    expect(toPostgresSql(sql, [1]).text).toBe(`SELECT 'why?' AS "a@b", 'it''s @x' -- what? @y
      /* and ? here */ , $1::int4`);
  });

  it("takes positional values as better-sqlite3 does: spread, or in one array", () => {
    expect(toPostgresSql("SELECT ?, ?", [["a", "b"]]).values).toEqual(["a", "b"]);
  });

  it("throws, as better-sqlite3 does, when values are missing or left over", () => {
    expect(() => toPostgresSql("SELECT ?, ?", [1])).toThrow("Too few parameter values were provided");
    expect(() => toPostgresSql("SELECT ?", [1, 2])).toThrow("Too many parameter values were provided");
    expect(() => toPostgresSql("SELECT @a", [{ b: 1 }])).toThrow('Missing named parameter "a"');
  });
});
