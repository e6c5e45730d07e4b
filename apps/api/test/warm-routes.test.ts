import { describe, expect, it } from "vitest";
import { warmRoutes, warmUpUrls } from "../src/lib/warm-routes.js";
import { buildTestApp } from "./build-test-app.js";

describe("warmRoutes", () => {
  it("makes the dashboard's data requests twice, all answered, and leaves no answer stored", async () => {
    const app = await buildTestApp({ rateLimit: false });
    const urls = warmUpUrls(app);
    expect(urls.map((url) => url.split("?")[0])).toEqual([
      ...Array<string>(4).fill("/api/v1/series"),
      "/api/v1/breakdown",
      "/api/v1/flows",
      "/api/v1/events",
      "/api/v1/dimensions",
      "/api/v1/summary",
    ]);
    expect(await warmRoutes(app)).toBe(2 * urls.length);

    // A stored answer is sent gzipped to a client that takes gzip; a computed one as it is.
    const url = urls[0]!;
    const ask = () => app.inject({ url, headers: { "accept-encoding": "gzip" } });
    expect((await ask()).headers["content-encoding"]).toBeUndefined();
    expect((await ask()).headers["content-encoding"]).toBe("gzip");
    await app.close();
  });

  it("counts its requests against an address of its own, not a client's", async () => {
    const app = await buildTestApp({ rateLimit: { max: 2, timeWindowMs: 60_000 } });
    await warmRoutes(app);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.inject("/api/v1/events")).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    await app.close();
  });
});
