import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { postgresDialect } from "../src/dialect/dialect.js";
import { openPostgresWritable, openWritableRaw, type WritableSqlDb } from "../src/handles.js";
import { listMigrations, migrate } from "../src/migrate.js";
import { rebuildVendorlessSql } from "../src/rollups/rollup-sql.js";
import { createTestDatabase } from "./postgres/test-database.js";

/** A column as both engines can state it: its table, name, kind of value and whether it may be NULL. */
const kindOf = (type: string) =>
  /int/i.test(type)
    ? "integer"
    : /real|double|float/i.test(type)
      ? "real"
      : /text|char/i.test(type)
        ? "text"
        : /blob|bytea/i.test(type)
          ? "bytes"
          : type;

function sqliteColumns(db: WritableSqlDb): string[] {
  const rows = db
    .prepare(
      `SELECT m.name AS "table", c.name, c.type, c."notnull" AS "notNull", c.pk
       FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
    )
    .all() as { table: string; name: string; type: string; notNull: number; pk: number }[];
  // SQLite lets a primary key hold NULL unless it says NOT NULL; its INTEGER and TEXT keys here never do.
  return rows.map((c) => `${c.table}.${c.name} ${kindOf(c.type)}${c.notNull || c.pk ? " not null" : ""}`).sort();
}

function postgresColumns(db: WritableSqlDb): string[] {
  const rows = db
    .prepare(
      `SELECT table_name AS "table", column_name AS name, data_type AS type, is_nullable AS nullable
       FROM information_schema.columns WHERE table_schema = 'public'`,
    )
    .all() as { table: string; name: string; type: string; nullable: string }[];
  return rows.map((c) => `${c.table}.${c.name} ${kindOf(c.type)}${c.nullable === "NO" ? " not null" : ""}`).sort();
}

let sqlite: WritableSqlDb;
let postgres: WritableSqlDb;

beforeAll(async () => {
  sqlite = openWritableRaw(join(mkdtempSync(join(tmpdir(), "chipflow-migrate-")), "db.sqlite"));
  postgres = openPostgresWritable(await createTestDatabase());
});
afterAll(() => {
  sqlite?.close();
  postgres?.close();
});

describe("migrations on both engines", () => {
  it("apply the same numbered list on SQLite and PostgreSQL and record it", () => {
    const all = listMigrations().map((m) => m.version);
    expect(migrate(sqlite)).toEqual(all);
    expect(migrate(postgres)).toEqual(all);
    const recorded = (db: WritableSqlDb) =>
      db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all();
    expect(recorded(postgres)).toEqual(recorded(sqlite));
    expect(listMigrations(postgresDialect).map((m) => m.name)).toEqual(listMigrations().map((m) => m.name));
  });

  it("end with the same tables and columns, of the same kinds", () => {
    const columns = sqliteColumns(sqlite);
    expect(columns).toContain("fact_rollups.source_ids text not null");
    expect(columns).toContain("facts.value real");
    expect(postgresColumns(postgres)).toEqual(columns);
  });

  it("apply nothing the second time", () => {
    expect(migrate(sqlite)).toEqual([]);
    expect(migrate(postgres)).toEqual([]);
  });

  it("use PostgreSQL's own file only where the DDL differs, and its 014 is rollup-sql.ts in PostgreSQL's dialect", () => {
    const own = listMigrations(postgresDialect).filter((m, i) => m.sql !== listMigrations()[i]!.sql);
    expect(own.map((m) => m.version)).toEqual([1, 3, 6, 8, 9, 10, 11, 14]);
    const sql = own.find((m) => m.version === 14)!.sql;
    for (const statement of rebuildVendorlessSql(postgresDialect)) expect(sql).toContain(statement);
  });

  it("refuse a PostgreSQL database that would sort text otherwise than SQLite, saying how to create one", async () => {
    const admin = openPostgresWritable(new URL(inject("postgresAdminUrl")).href);
    const name = `icu_${process.pid}`;
    admin.exec(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'`);
    admin.close();
    const url = new URL(inject("postgresAdminUrl"));
    url.pathname = `/${name}`;
    const db = openPostgresWritable(url.href);
    expect(() => migrate(db)).toThrow(
      "the database sorts text by ICU rules, not byte by byte as SQLite does: create it with the C collation " +
        "(createdb --locale=C --template=template0 <name>)",
    );
    db.close();
  });

  it("roll back a migration that fails, recording nothing", async () => {
    const db = openPostgresWritable(await createTestDatabase());
    db.exec("CREATE TABLE countries (iso3 TEXT)"); // in the way of 001
    expect(() => migrate(db)).toThrow('relation "countries" already exists');
    expect(db.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBe(0);
    db.close();
  });
});
