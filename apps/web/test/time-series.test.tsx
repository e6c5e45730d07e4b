import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatValue } from "../src/charts/format.js";
import { layoutTimeSeries } from "../src/charts/time-series/layout.js";
import { toLineSeries } from "../src/charts/time-series/state.js";
import { TimeSeriesChart } from "../src/charts/time-series/TimeSeriesChart.js";
import { revenueByRegion } from "./fixtures.js";

describe("time series state", () => {
  it("drops points without a value and series left empty", () => {
    const lines = toLineSeries(revenueByRegion);
    expect(lines.map((l) => [l.key, l.points.length])).toEqual([
      ["CHN", 3],
      ["USA", 1],
    ]);
    expect(lines[0]!.points[0]).toMatchObject({ coarser: true, label: "FY2025", value: 10_000_000_000 });
  });
});

describe("time series layout", () => {
  it("scales y from zero to the largest value and x over every period's span", () => {
    const layout = layoutTimeSeries(toLineSeries(revenueByRegion));
    expect(layout.yTicks[0]).toEqual({ y: layout.innerHeight, value: 0 });
    const china = layout.series[0]!;
    const yearly = china.points[0]!;
    expect(yearly.x0).toBe(0);
    expect(yearly.x1).toBeLessThan(china.points[1]!.x);
    // The yearly figure is drawn as a span, not as part of the quarterly line.
    expect(china.path.match(/[ML]/g)).toHaveLength(2);
    expect(Math.max(...layout.series.flatMap((s) => s.points.map((p) => p.x1)))).toBe(layout.innerWidth);
  });
});

describe("TimeSeriesChart", () => {
  it("draws revenue by region as SVG (test/output/time-series.svg)", async () => {
    const svg = renderToStaticMarkup(
      <TimeSeriesChart lines={toLineSeries(revenueByRegion)} unit="USD" title="Revenue by region" />,
    );
    await expect(svg).toMatchFileSnapshot("./output/time-series.svg");
    expect(svg.match(/class="mark"/g)).toHaveLength(3);
    expect(svg).toContain('class="mark coarser"');
    expect(svg).toContain("China, FY2025: $10.0B (reported, whole period)");
  });
});

describe("formatValue", () => {
  it("writes money, units and shares the way people read them", () => {
    expect(formatValue(12e9, "USD")).toBe("$12.0B");
    expect(formatValue(1e6, "units")).toBe("1.0M units");
    expect(formatValue(13, "%")).toBe("13%");
    expect(formatValue(2.9e9, "EUR")).toBe("€2.9B");
    expect(formatValue(null, "USD")).toBe("–");
  });
});
