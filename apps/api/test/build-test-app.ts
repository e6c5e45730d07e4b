import { buildApp, type AppOptions } from "../src/app.js";
import { createTestStore } from "./test-store.js";

/**
 * The app over a fresh copy of the fixture database (on the run's engine), for `app.inject`, with `options` (rate
 * limits, a web root, a logger) on top.
 */
export async function buildTestApp(options: Omit<AppOptions, "dbPath" | "databaseUrl"> = {}) {
  return buildApp({ ...(await createTestStore()), ...options });
}
