import { buildApp } from "@chipflow/api";
import { ensureSeededDatabase } from "@chipflow/db";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The real server: a database seeded from data/ in a temporary folder, the built dashboard, a free port. */
export async function serve() {
  const dbPath = join(mkdtempSync(join(tmpdir(), "chipflow-e2e-")), "chipflow.sqlite");
  await ensureSeededDatabase(dbPath, root("data/"));
  const app = await buildApp({ dbPath, webRoot: root("apps/web/dist/") });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url: address };
}

/** Debian's Chromium, headless, with the flags that keep it off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The served dashboard and a browser for one test file: started before its tests, closed after. */
export function useDashboard() {
  const ctx = {} as { app: FastifyInstance; url: string; browser: Browser };
  beforeAll(async () => {
    Object.assign(ctx, await serve());
    ctx.browser = await launchChromium();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.close();
  });
  return ctx;
}
