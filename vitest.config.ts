import { defineConfig } from "vitest/config";

/** Unit and API tests: fast, deterministic, no browser. */
export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.{ts,tsx}", "scripts/test/**/*.test.ts"],
    environment: "node",
    env: { TZ: "UTC" },
    reporters: ["default", ["json", { outputFile: ".reports/unit.json" }]],
    testTimeout: 20_000,
  },
});
