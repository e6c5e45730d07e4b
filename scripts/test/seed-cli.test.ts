import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../packages/db/test/postgres/test-database.js";
import { bufferIo } from "../src/cli/cli-io.js";
import { main } from "../src/seed.js";

const FIXTURE = fileURLToPath(new URL("../../packages/db/test/fixtures/seed/", import.meta.url));

describe("npm run seed", () => {
  it("creates the database from the curated files, leaves it alone the second time, and rebuilds it with --force", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "chipflow-seed-cli-")), "seeded.sqlite");
    const runs = [];
    for (const argv of [[], [], ["--force"]]) {
      const io = bufferIo();
      runs.push({ code: await main(["--db", db, "--data", FIXTURE, ...argv], io), out: io.out() });
    }
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(runs[0]!.out).toMatch(/^created .*: 3 datasets, \d+ facts, 2 events/);
    expect(runs[1]!.out).toMatch(/exists: schema brought up to date/);
    expect(runs[2]!.out).toMatch(/^created /);
  });

  it("seeds a PostgreSQL database the same way, named by host and database, never by password", async () => {
    const url = new URL(await createTestDatabase());
    url.password = "secret";
    const runs = [];
    for (const argv of [[], [], ["--force"]]) {
      const io = bufferIo();
      runs.push({ code: await main(["--db", url.href, "--data", FIXTURE, ...argv], io), out: io.out() });
    }
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(runs[0]!.out).toMatch(/^created PostgreSQL 127\.0\.0\.1:\d+\/t_\w+: 3 datasets, \d+ facts, 2 events/);
    expect(runs[1]!.out).toMatch(/exists: schema brought up to date/);
    expect(runs[2]!.out).toMatch(/^created /);
    expect(runs.map((r) => r.out).join("")).not.toContain("secret");
  });

  it("says what is wrong with a bad command line", async () => {
    const io = bufferIo();
    expect(await main(["--colour"], io)).toBe(2);
    expect(io.err()).toMatch(/unknown option '--colour'/);
  });
});
