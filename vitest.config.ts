import { defineConfig } from "vitest/config";

/** API tests about SQLite itself: its file on disk, its import beside a running server, its worker timing. */
const SQLITE_ONLY = [
  "apps/api/test/database-file.test.ts",
  "apps/api/test/no-stall.test.ts",
  "apps/api/test/security-concurrent-import.test.ts",
];

/**
 * Unit and API tests: fast, deterministic, no browser. A throwaway PostgreSQL server runs for the whole run (see
 * packages/db/test/postgres/): the tests that compare the engines use it, and the API tests run a second time with
 * the API reading PostgreSQL.
 */
export default defineConfig({
  test: {
    environment: "node",
    env: { TZ: "UTC" },
    globalSetup: ["packages/db/test/postgres/global-setup.ts"],
    reporters: ["default", ["json", { outputFile: ".reports/unit.json" }]],
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.{ts,tsx}", "scripts/test/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "api-postgres",
          include: ["apps/api/test/**/*.test.ts"],
          exclude: SQLITE_ONLY,
          env: { TZ: "UTC", CHIPFLOW_TEST_ENGINE: "postgres" },
        },
      },
    ],
  },
});
