import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureSeededDatabase } from "../src/seed.js";

/** The synthetic fixture data in the curated format. */
export const FIXTURE_DIR = fileURLToPath(new URL("./fixtures/seed/", import.meta.url));

/** A fresh database file seeded from the fixture, in its own temporary folder. */
export async function createFixtureDb(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "chipflow-test-")), "fixture.sqlite");
  await ensureSeededDatabase(path, FIXTURE_DIR);
  return path;
}
