import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPostgresBin, POSTGRES_MISSING, startPostgresCluster } from "../src/postgres/postgres-cluster.js";

describe("the test run's PostgreSQL server", () => {
  it("is refused with the one command that installs PostgreSQL when its programs are missing", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "chipflow-no-pg-")), "postgresql");
    await expect(startPostgresCluster({ root })).rejects.toThrow(
      "PostgreSQL is not installed: run `sudo apt-get install postgresql`",
    );
    expect(POSTGRES_MISSING).toBe("PostgreSQL is not installed: run `sudo apt-get install postgresql`");
  });

  it("uses the newest version Debian installed", () => {
    const root = mkdtempSync(join(tmpdir(), "chipflow-pg-versions-"));
    for (const version of ["9", "15", "13"]) {
      mkdirSync(join(root, version, "bin"), { recursive: true });
      writeFileSync(join(root, version, "bin", "initdb"), "");
    }
    mkdirSync(join(root, "16")); // a version without its server programs
    expect(findPostgresBin(root)).toBe(join(root, "15", "bin"));
  });
});
