import { dialectOf } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { createTestStore, onPostgres, type TestStore } from "./test-store.js";

let app: FastifyInstance;
let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
  app = await buildApp({ ...store, rateLimit: false });
});
afterAll(() => app.close());

describe("the database engine", () => {
  it("is PostgreSQL when given a database URL, SQLite otherwise", () => {
    expect(dialectOf(app.db).name).toBe(onPostgres ? "postgres" : "sqlite");
  });

  it.runIf(onPostgres)("on PostgreSQL, answers from the server whatever becomes of the SQLite file", async () => {
    rmSync(store.dbPath);
    const res = await app.inject("/api/v1/series?metric=revenue_usd&groupBy=destination&interval=year");
    expect(res.statusCode).toBe(200);
    expect(res.json().series.length).toBeGreaterThan(0);
    expect((await app.inject("/api/health")).json()).toMatchObject({ status: "ok", facts: expect.any(Number) });
  });

  it.runIf(onPostgres)("on PostgreSQL, fails at start, saying why, when the server cannot be reached", async () => {
    await expect(
      buildApp({ dbPath: store.dbPath, databaseUrl: "postgres://postgres@127.0.0.1:1/none" }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
