import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, parseViewState, toFilterParams, toViewSearch } from "../src/view/view-state.js";
import { toBreakdownQuery, toSeriesQuery } from "../src/view/queries.js";

describe("view state in the URL", () => {
  it("opens the default view on a bare URL", () => {
    expect(parseViewState("")).toEqual(DEFAULT_VIEW);
  });

  it("round-trips a view through its query string", () => {
    const view = {
      ...DEFAULT_VIEW,
      metric: "units" as const,
      groupBy: "product" as const,
      mark: "area" as const,
      filters: { ...DEFAULT_VIEW.filters, vendor: ["nvidia", "amd"], destination: ["CHN"], dataset: [] },
      from: "2024-01-01",
      to: "2024-12-31",
      events: false,
      tables: ["series"],
      itemisedFlows: false,
    };
    const search = toViewSearch(view);
    expect(search).toBe(
      "?metric=units&groupBy=product&interval=year&mark=area&vendor=nvidia,amd&destination=CHN" +
        "&from=2024-01-01&to=2024-12-31&events=off&tables=series",
    );
    expect(parseViewState(search)).toEqual(view);
  });

  it("falls back to defaults for unknown keywords and bad dates, so a stale link still opens", () => {
    const view = parseViewState("?metric=bogus&interval=Quarter&from=2024-13-01&category=gpu,nonsense");
    expect(view.metric).toBe(DEFAULT_VIEW.metric);
    expect(view.interval).toBe("quarter");
    expect(view.from).toBeUndefined();
    expect(view.filters.category).toEqual(["gpu"]);
    // A link with parameters says exactly what it shows: a missing filter means no filter.
    expect(view.filters.vendor).toEqual([]);
  });

  it("turns a view into API queries with the same filters", () => {
    const view = parseViewState("?metric=units&groupBy=vendor&rankBy=buyer&product=nvidia-h20&from=2024-01-01");
    expect(toFilterParams(view)).toEqual({ product: "nvidia-h20", from: "2024-01-01" });
    expect(toSeriesQuery(view)).toMatchObject({ metric: "units", groupBy: "vendor", product: "nvidia-h20" });
    expect(toBreakdownQuery(view)).toMatchObject({ metric: "units", groupBy: "buyer", product: "nvidia-h20" });
  });

  it("keeps the log scale and all events in the URL, and a bare URL of a curated view opens its preset", () => {
    const view = parseViewState("?metric=revenue_usd&groupBy=origin&interval=year&scale=log&events=all");
    expect([view.scale, view.allEvents]).toEqual(["log", true]);
    expect(toViewSearch(view)).toContain("events=all");
    expect(toViewSearch(view)).toContain("scale=log");
    const preset = { ...DEFAULT_VIEW, metric: "units" as const };
    expect(parseViewState("", preset)).toBe(preset);
  });

  it("keeps the series' mode in the URL (values by default, left out of the link), and ignores an unknown one", () => {
    const indexed = parseViewState("?metric=revenue_usd&groupBy=origin&interval=year&scale=log&mode=indexed");
    expect([indexed.scale, indexed.mode]).toEqual(["log", "indexed"]);
    expect(toViewSearch(indexed)).toMatch(/scale=log&mode=indexed$/);
    expect(parseViewState(toViewSearch({ ...indexed, mode: "share" })).mode).toBe("share");
    expect(toViewSearch({ ...indexed, mode: "values" })).not.toContain("mode=");
    expect(parseViewState("?metric=units&mode=bogus").mode).toBe("values");
  });
});
