import { importFile, openWritable } from "@chipflow/db";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeLargeFactsFile } from "../../../packages/db/test/fixtures/faults/large-import.js";
import { buildApp } from "../src/app.js";
import { createTestStore } from "./test-store.js";

describe("a facts CSV download in progress", () => {
  it("streams from its own connection, so other requests are answered meanwhile and the app still closes", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "chipflow-download-")), "many.csv");
    writeLargeFactsFile(file, 20_000);
    const store = await createTestStore(async (dbPath) => {
      const writer = openWritable(dbPath);
      await importFile(writer, file, { dataset: { id: "many" } });
      writer.close();
    });

    const app = await buildApp({ ...store, rateLimit: false });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    const controller = new AbortController();
    const download = await fetch(`${base}/api/v1/facts.csv?dataset=many`, { signal: controller.signal });
    const body = download.body!.getReader();
    const first = await body.read(); // the stream has started and is paused by backpressure
    expect(new TextDecoder().decode(first.value).split("\n")[0]).toMatch(/^period_start,period_end,/);

    // While the download is paused mid-way (its rows not all read), other queries hit the database.
    const urls = ["/api/health", "/api/v1/series?metric=units&groupBy=destination&interval=year", "/api/v1/dimensions"];
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const url = new URL(urls[i % urls.length]!, base);
        url.searchParams.set("n", String(i)); // distinct queries: no cache hits
        // Read each body whole: an unread answer keeps its request open and would hold up the close below.
        return fetch(url).then(async (r) => (await r.arrayBuffer(), r.status));
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);

    controller.abort();
    await body.cancel().catch(() => undefined);
    await expect(app.close()).resolves.toBeUndefined();
  }, 60_000); // an import and 31 requests: slow when the whole suite shares two cores
});
