import { createFixtureDb } from "../../../packages/db/test/fixture-db.js";
import { buildApp } from "../src/app.js";

/** The app over a fresh copy of the fixture database, for `app.inject`. */
export async function buildTestApp() {
  return buildApp({ dbPath: await createFixtureDb() });
}
