import { openWritable } from "@chipflow/db";
import { renameSync, rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createFixtureDb } from "../../../packages/db/test/fixture-db.js";
import { buildApp } from "../src/app.js";
import { expectErrorShape } from "./expect-error-shape.js";
import { nextTurn } from "./test-store.js";

const path = await createFixtureDb();
const app = await buildApp({ dbPath: path, rateLimit: false });
afterAll(() => app.close());
const datasets = async () =>
  (await app.inject("/api/v1/datasets")).json<{ datasets: { id: string }[] }>().datasets.map((d) => d.id);

describe("the database file, watched", () => {
  it("answers every API endpoint, health too, with a 503 that says so once the file is gone", async () => {
    expect((await app.inject("/api/health")).statusCode).toBe(200);
    expect(await datasets()).not.toContain("added-later");
    const moved = `${path}.away`;
    renameSync(path, moved);
    await nextTurn();
    for (const url of ["/api/health", "/api/v1/datasets", "/api/v1/facts.csv"]) {
      const res = await app.inject(url);
      expectErrorShape(res, 503);
      expect(res.json().error.message).toMatch(/database file .* is gone/);
    }
    renameSync(moved, path);
  });

  it("reopens a file replaced at the same path, so JSON and CSV alike read the new one", async () => {
    const other = await createFixtureDb();
    const db = openWritable(other);
    db.prepare("INSERT INTO datasets (id, title, kind) VALUES ('added-later', 'Added later', 'imported')").run();
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    for (const suffix of ["-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    renameSync(other, path);
    await nextTurn();
    expect(await datasets()).toContain("added-later");
    const csv = await app.inject("/api/v1/facts.csv?dataset=added-later");
    expect(csv.statusCode).toBe(200);
    expect((await app.inject("/api/health")).json()).toMatchObject({ status: "ok" });
  });
});
