import { copySqliteToPostgres, ensureSeededDatabase } from "@chipflow/db";
import { execFile, fork, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../packages/db/test/postgres/test-database.js";
import { startBalancer } from "../src/load/balancer.js";

const SERVER = fileURLToPath(new URL("../dist/load/load-server.js", import.meta.url));
const IMPORT_CLI = fileURLToPath(new URL("../dist/import.js", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../../packages/db/test/fixtures/seed/", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../../data/examples/facts.csv", import.meta.url));

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill("SIGKILL");
});

/** The fixture data in a PostgreSQL database of its own: the SQLite file beside it and the database's URL. */
async function fixtureInPostgres() {
  const dbPath = join(mkdtempSync(join(tmpdir(), "chipflow-replicas-")), "fixture.sqlite");
  await ensureSeededDatabase(dbPath, FIXTURE);
  const url = await createTestDatabase();
  await copySqliteToPostgres(dbPath, url);
  return { dbPath, url };
}

/** `n` API processes on one PostgreSQL database, each on a port of its own: their URLs. */
async function startProcesses(n: number, store: { dbPath: string; url: string }) {
  return Promise.all(
    Array.from({ length: n }, () => {
      const child = fork(SERVER, [store.dbPath, store.url], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
      started.push(child);
      return new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
        child.once("message", (m: { url: string }) => resolve({ child, url: m.url }));
        child.once("exit", (code) => reject(new Error(`an API process exited with ${code} before listening`)));
      });
    }),
  );
}

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, etag: res.headers.get("etag"), body: await res.text() };
};

describe("several API processes on one PostgreSQL database", () => {
  it("after an import, the very next request to any process answers from the new data", async () => {
    const store = await fixtureInPostgres();
    const [a, b] = await startProcesses(2, store);
    const path = "/api/v1/dimensions";
    // Both processes hold the answer in their caches.
    for (const p of [a!, b!]) {
      await get(p.url + path);
      expect((await get(p.url + path)).body).not.toMatch(/Examplechip/);
    }
    const before = await get(b!.url + path);

    // Both keep answering while the import runs, so that each has just checked the data when it commits.
    let importing = true;
    const meanwhile = Promise.all(
      [a!, b!].map(async (p) => {
        while (importing) await get(p.url + path);
      }),
    );
    await promisify(execFile)(process.execPath, [IMPORT_CLI, EXAMPLE, "--db", store.url]);
    importing = false;
    await meanwhile;

    for (const p of [b!, a!]) {
      const after = await get(p.url + path);
      expect(after.status).toBe(200);
      expect(after.body).toMatch(/Examplechip/);
      expect(after.etag).not.toBe(before.etag);
    }
  }, 30_000);

  it("a process killed under load loses no request: the balancer sends it to another", async () => {
    const store = await fixtureInPostgres();
    const processes = await startProcesses(3, store);
    const balancer = await startBalancer(processes.map((p) => p.url));
    try {
      const paths = [
        "/api/v1/summary",
        "/api/v1/dimensions",
        "/api/v1/series?metric=revenue_usd&groupBy=destination&interval=year",
        "/api/v1/breakdown?metric=revenue_usd&groupBy=vendor",
        "/api/v1/facts?limit=50",
      ];
      const download = "/api/v1/facts.csv";
      const expected = new Map<string, string>();
      for (const path of [...paths, download]) {
        const answer = await get(processes[0]!.url + path);
        expect(answer.status).toBe(200);
        expect.soft(answer.body.length).toBeGreaterThan(0);
        expected.set(path, answer.body);
      }

      // Closed loop: 20 clients asking queries and 4 downloading, each sending its next request when its answer is in,
      // for 3 s; one process is killed after 1 s. Downloads have clients of their own: a process refuses more than 10
      // at once (503, by design), and closed-loop clients cycling over every path would pile up on the slowest.
      const until = Date.now() + 3000;
      const answers: { path: string; status: number; body: string }[] = [];
      const failures: string[] = [];
      const client = async (i: number, asks: string[]) => {
        for (let n = i; Date.now() < until; n++) {
          const path = asks[n % asks.length]!;
          try {
            const { status, body } = await get(balancer.url + path);
            answers.push({ path, status, body });
          } catch (error) {
            failures.push(`${path}: ${String(error)}`);
          }
        }
      };
      const load = Promise.all([
        ...Array.from({ length: 20 }, (_, i) => client(i, paths)),
        ...Array.from({ length: 4 }, (_, i) => client(i, [download])),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const answeredBeforeKill = answers.length;
      processes[1]!.child.kill("SIGKILL");
      await load;

      expect(failures).toEqual([]);
      expect(answers.length).toBeGreaterThan(answeredBeforeKill);
      const wrong = answers.filter((a) => a.status !== 200 || a.body !== expected.get(a.path));
      expect(wrong.map((a) => `${a.path}: ${a.status}`)).toEqual([]);
      expect(balancer.retried()).toBeGreaterThan(0);
    } finally {
      await balancer.close();
    }
  }, 30_000);
});
