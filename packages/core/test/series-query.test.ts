import { describe, expect, it } from "vitest";
import { seriesQuerySchema } from "../src/series-query.js";

describe("seriesQuerySchema", () => {
  it("fills defaults and splits comma-separated and repeated filters", () => {
    const q = seriesQuerySchema.parse({ vendor: "nvidia,amd", destination: ["CHN", "USA"] });
    expect(q).toMatchObject({ metric: "revenue_usd", groupBy: "destination", interval: "quarter" });
    expect(q.vendor).toEqual(["nvidia", "amd"]);
    expect(q.destination).toEqual(["CHN", "USA"]);
  });

  it("rejects unknown metrics, countries and reversed periods with the allowed values", () => {
    const r = seriesQuerySchema.safeParse({
      metric: "profit",
      destination: "China",
      from: "2025-01-01",
      to: "2024-01-01",
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(/^metric: invalid metric: expected one of units, revenue_usd/),
    );
    expect(messages).toContainEqual(expect.stringMatching(/^destination: expected ISO 3166-1 alpha-3/));
  });
});
