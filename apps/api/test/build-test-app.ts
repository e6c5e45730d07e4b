import { buildApp } from "../src/app.js";
import { createTestStore } from "./test-store.js";

/** The app over a fresh copy of the fixture database (on the run's engine), for `app.inject`. */
export async function buildTestApp() {
  return buildApp(await createTestStore());
}
