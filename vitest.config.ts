import { defineConfig } from "vitest/config";

/**
 * Unit and API tests: fast, deterministic, no browser. A throwaway PostgreSQL server runs for the whole run (see
 * packages/db/test/postgres/), so the tests that compare the engines have a real one.
 */
export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.{ts,tsx}", "scripts/test/**/*.test.ts"],
    environment: "node",
    env: { TZ: "UTC" },
    globalSetup: ["packages/db/test/postgres/global-setup.ts"],
    reporters: ["default", ["json", { outputFile: ".reports/unit.json" }]],
    testTimeout: 20_000,
  },
});
