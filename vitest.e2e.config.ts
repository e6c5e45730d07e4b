import { defineConfig } from "vitest/config";

/** Browser tests: the built server and dashboard in headless Chromium. */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    env: { TZ: "UTC" },
    reporters: ["default", ["json", { outputFile: ".reports/e2e.json" }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
