import { openReadonly } from "@chipflow/db";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bufferIo } from "../src/cli/cli-io.js";
import { main } from "../src/import.js";
import { generateFactsCsv } from "./generate-facts.js";

const CLI = fileURLToPath(new URL("../dist/import.js", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../../data/examples/facts.csv", import.meta.url));
const ROWS = 150_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const walBytes = (db: string) => (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);

describe("an import killed part way", () => {
  it("leaves the database intact, holding all of the dataset or none of it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipflow-crash-"));
    const db = join(dir, "db.sqlite");
    const big = join(dir, "big.csv");
    await generateFactsCsv(big, ROWS);
    expect(await main([EXAMPLE, "--dataset", "before", "--db", db], bufferIo())).toBe(0);

    const child = spawn(process.execPath, [CLI, big, "--dataset", "big", "--db", db], { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    const start = walBytes(db);
    // Wait until the import has written a MB of uncommitted pages, then pull the plug.
    for (let i = 0; i < 600 && walBytes(db) < start + 1_000_000 && child.exitCode === null; i++) await sleep(25);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const handle = openReadonly(db);
    expect(handle.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(handle.prepare("SELECT count(*) FROM facts WHERE dataset_id = 'before'").pluck().get()).toBe(4);
    const facts = handle.prepare("SELECT count(*) FROM facts WHERE dataset_id = 'big'").pluck().get();
    const dataset = handle.prepare("SELECT row_count FROM datasets WHERE id = 'big'").pluck().get();
    expect([facts, dataset]).toEqual([0, undefined]);
    handle.close();
  }, 60_000);
});
