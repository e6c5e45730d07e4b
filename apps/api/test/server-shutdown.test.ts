import { describe, expect, it } from "vitest";
import type {} from "../src/plugins/database.js";
import { shutdownGracefully } from "../src/server.js";
import { buildTestApp } from "./build-test-app.js";

/** The app on a free port, with one slow route standing in for a long query. */
async function startWithSlowRoute(delayMs: number) {
  const app = await buildTestApp({ rateLimit: false });
  let entered = 0;
  app.get("/api/test-slow", async () => {
    entered++;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { done: true };
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url, entered: () => entered };
}

async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("graceful shutdown", () => {
  it("finishes every in-flight request, refuses new connections, then exits 0", async () => {
    const { app, url, entered } = await startWithSlowRoute(300);
    const inFlight = Array.from({ length: 20 }, () => fetch(`${url}/api/test-slow`));
    await until(() => entered() === 20);

    const exits: number[] = [];
    const shutdown = shutdownGracefully(app, "SIGTERM", { timeoutMs: 5000, exit: (code) => exits.push(code) });
    const responses = await Promise.all(inFlight);
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await Promise.all(responses.map((r) => r.json()))).toEqual(Array(20).fill({ done: true }));
    await shutdown;
    expect(exits).toEqual([0]);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    expect(app.db.open).toBe(false);
  });

  it("exits 1 when in-flight requests outlast the timeout", async () => {
    const { app, url, entered } = await startWithSlowRoute(1500);
    const slow = fetch(`${url}/api/test-slow`).catch(() => undefined);
    await until(() => entered() === 1);
    const exits: number[] = [];
    const shutdown = shutdownGracefully(app, "SIGTERM", { timeoutMs: 200, exit: (code) => exits.push(code) });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(exits).toEqual([1]);
    await Promise.all([slow, shutdown]);
  });
});
