import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createFixtureDb } from "../../../packages/db/test/fixture-db.js";
import { writeLargeFactsFile } from "../../../packages/db/test/fixtures/faults/large-import.js";
import { buildApp } from "../src/app.js";

const IMPORT_CLI = fileURLToPath(new URL("../../../scripts/dist/import.js", import.meta.url));
const ROWS = 30_000;
const URLS = [
  "/api/health",
  "/api/v1/dimensions",
  "/api/v1/series?metric=units&groupBy=destination&interval=year",
  "/api/v1/series?metric=units&groupBy=product&interval=month&top=10",
  "/api/v1/events",
];

describe("readers during an import", () => {
  it.skipIf(!existsSync(IMPORT_CLI))(
    "are all answered, with no SQLITE_BUSY, and each sees the data before or after the import, never half",
    async () => {
      const dbPath = await createFixtureDb();
      const file = join(mkdtempSync(join(tmpdir(), "chipflow-concurrent-")), "load.csv");
      writeLargeFactsFile(file, ROWS);
      const app = await buildApp({ dbPath, rateLimit: false });
      const baseFacts = (await app.inject("/api/health")).json<{ facts: number }>().facts;

      const child = spawn(process.execPath, [IMPORT_CLI, file, "--dataset", "load", "--db", dbPath], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      let running = true;
      void exited.then(() => (running = false));

      const statuses = new Map<number, number>();
      const factCounts = new Set<number>();
      const failures: string[] = [];
      const reader = async () => {
        for (let i = 0; running; i++) {
          const url = URLS[i % URLS.length]!;
          await new Promise((resolve) => setImmediate(resolve)); // let the child's exit event through
          const res = await app.inject(url);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode !== 200) failures.push(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (url === "/api/health") factCounts.add(res.json<{ facts: number }>().facts);
        }
      };
      await Promise.all([reader(), reader(), reader(), reader()]);
      expect(await exited, stderr).toBe(0);

      expect(failures).toEqual([]);
      const answered = [...statuses.values()].reduce((a, b) => a + b, 0);
      expect(answered).toBeGreaterThan(100);
      expect([...factCounts].every((n) => n === baseFacts || n === baseFacts + ROWS)).toBe(true);
      expect((await app.inject("/api/health")).json<{ facts: number }>().facts).toBe(baseFacts + ROWS);
      await app.close();
    },
    60_000,
  );
});
