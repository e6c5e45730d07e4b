import { METRICS, type SeriesResponse } from "@chipflow/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatTick } from "../src/charts/format.js";
import { axisLabelBoxes, overlaps } from "../src/charts/time-series/label-layout.js";
import { layoutTimeSeries, type Bounds } from "../src/charts/time-series/layout.js";
import { toLineSeries, type LineSeries } from "../src/charts/time-series/state.js";
import { TimeSeriesChart } from "../src/charts/time-series/TimeSeriesChart.js";
import {
  axisTitle,
  forLogScale,
  isFiscal,
  modeUnavailable,
  modeUnit,
  periodNote,
  toIndexed,
  toShares,
} from "../src/charts/time-series/transforms.js";
import { chartBounds, labelsLineEnds } from "../src/pages/overview/chart-bounds.js";
import { seriesSubtitle } from "../src/pages/overview/SeriesCard.js";
import { DEFAULT_VIEW } from "../src/view/view-state.js";
import { regionGrowth, revenueByRegion, unitEstimates } from "./fixtures.js";

const values = (line: LineSeries | undefined) => line!.points.map((p) => Math.round(p.value * 100) / 100);
const usd = { unit: "USD", aggregation: "sum" as const, categories: [] };

/** World's reported total for the unit estimates, 2023 and 2024 only. */
const withWorld = (): LineSeries => ({
  ...toLineSeries(unitEstimates)[0]!,
  key: "WLD",
  label: "World (reported total)",
  total: true,
  points: toLineSeries(unitEstimates)[0]!
    .points.slice(0, 2)
    .map((p, i) => ({ ...p, value: [1e6, 2e6][i]! })),
});

describe("indexed lines (first = 100)", () => {
  it("divides each line by its first figure in the view, keeps the figure, and names the base on the axis", () => {
    const { lines, bases } = toIndexed(toLineSeries(unitEstimates));
    expect(values(lines[0])).toEqual([100, 250, 150]);
    expect(values(lines[1])).toEqual([100, 200]);
    // The range and competing estimates are indexed to the same base.
    expect(lines[0]!.points[0]).toMatchObject({ low: 75, high: 125, figure: 400_000 });
    expect(lines[0]!.points[1]!.alternatives[0]!.value).toBe(375);
    expect([...bases.values()]).toEqual(["2023", "2023"]);
    expect(axisTitle("indexed", "units", { bases })).toBe("index (2023 = 100)");
  });

  it("takes the first figure that is there: a missing first year moves the base, and the axis says so", () => {
    const { lines, bases } = toIndexed(toLineSeries(regionGrowth));
    const singapore = lines.find((l) => l.key === "SGP")!;
    expect(bases.get("SGP")).toBe("2020");
    expect(values(singapore).slice(0, 3)).toEqual([100, 150, 200]);
    expect(axisTitle("indexed", "USD", { bases })).toBe("index (each line's first period = 100)");
  });

  it("indexes a figure for a longer period at its rate per interval, as it is drawn, and as a level", () => {
    const { lines, bases } = toIndexed(toLineSeries(revenueByRegion));
    // China's fiscal year ($10B, drawn at $2.5B a quarter) is the base: 2025 Q1's $1.0B is 40.
    expect(bases.get("CHN")).toBe("FY2025");
    expect(values(lines[0])).toEqual([100, 40, 44]);
    expect(lines[0]!.points[0]).toMatchObject({ coarser: true, intervals: 1, shown: 100, figure: 10_000_000_000 });
  });

  it("is offered for flows and levels with a positive first figure, never for percentages", () => {
    const lines = toLineSeries(unitEstimates);
    expect(modeUnavailable("indexed", usd, lines, false)).toBeNull();
    expect(modeUnavailable("indexed", { ...usd, unit: "USD/unit", aggregation: "none" }, lines, false)).toBeNull();
    expect(modeUnavailable("indexed", { ...usd, unit: "%", aggregation: "none" }, lines, false)).toMatch(
      /Percentages are not indexed/,
    );
    const zero = [{ ...lines[0]!, points: [{ ...lines[0]!.points[0]!, value: 0, shown: 0 }] }];
    expect(modeUnavailable("indexed", usd, zero, false)).toMatch(/Chip A's first figure is not positive/);
  });
});

describe("shares of the total", () => {
  it("without a World total, divides by the sum of the lines at each period", () => {
    const shares = toShares(toLineSeries(unitEstimates), null);
    expect(shares.denominator).toBe("lines");
    expect(values(shares.lines[0])).toEqual([80, 83.33, 100]);
    expect(values(shares.lines[1])).toEqual([20, 16.67]);
    expect(shares.lines[0]!.points[0]!.figure).toBe(400_000);
    expect(shares.leftOut).toBe(0);
    expect(axisTitle("share", "units", { denominator: "lines" })).toBe("% of total");
  });

  it("with a World total, divides by World's figure, never counts World as a share, and leaves out years it lacks", () => {
    const world = withWorld();
    const shares = toShares([...toLineSeries(unitEstimates), world], world);
    expect(shares.denominator).toBe("world");
    expect(shares.lines.map((l) => l.key)).toEqual(["chip-a", "chip-b"]);
    expect(values(shares.lines[0])).toEqual([40, 50]);
    expect(values(shares.lines[1])).toEqual([10, 10]);
    // World reports no 2025: Chip A's 2025 has nothing to be a share of.
    expect(shares.leftOut).toBe(1);
    expect(axisTitle("share", "units", { denominator: "world" })).toBe("% of World total");
  });

  it("compares a figure for a longer period only with figures of that same period", () => {
    const lines = toLineSeries(revenueByRegion);
    const shares = toShares(lines, null);
    // China's fiscal year is alone in its period; 2025 Q1 is China $1.0B of $4.0B.
    expect(values(shares.lines[0])).toEqual([100, 25, 100]);
    expect(values(shares.lines[1])).toEqual([75]);
  });

  it("is offered only where the figures add up, one product category at a time, with something to share", () => {
    const lines = toLineSeries(unitEstimates);
    expect(modeUnavailable("share", usd, lines, false)).toBeNull();
    expect(modeUnavailable("share", { ...usd, unit: "%", aggregation: "none" }, lines, false)).toMatch(/not add up/);
    expect(modeUnavailable("share", { ...usd, unit: "units", categories: ["a", "b"] }, lines, false)).toMatch(
      /product categories/,
    );
    expect(modeUnavailable("share", { ...usd, unit: "units", categories: ["a"] }, lines, false)).toBeNull();
    expect(modeUnavailable("share", usd, lines.slice(0, 1), false)).toMatch(/One line/);
    expect(modeUnavailable("share", usd, lines.slice(0, 1), true)).toBeNull();
  });
});

describe("log scale", () => {
  it("leaves out figures at or below zero, and counts them", () => {
    const lines = toLineSeries(regionGrowth);
    const negative = { ...lines[0]!, key: "NEG", points: [{ ...lines[0]!.points[0]!, value: -1, shown: -1 }] };
    const { lines: logged, leftOut } = forLogScale([...lines, negative]);
    expect(leftOut).toBe(2);
    expect(logged.map((l) => l.key)).not.toContain("NEG");
    expect(logged.find((l) => l.key === "SGP")!.points.map((p) => p.label)).not.toContain("2023");
  });

  it("drops a range whose low end is at or below zero, and competing estimates at or below zero", () => {
    const [chipA] = toLineSeries(unitEstimates);
    const p = { ...chipA!.points[1]!, low: 0, alternatives: [{ ...chipA!.points[1]!.alternatives[0]!, value: -5 }] };
    const [line] = forLogScale([{ ...chipA!, points: [p] }]).lines;
    expect(line!.points[0]).toMatchObject({ low: null, high: null, alternatives: [] });
  });

  it("says the scale in the axis title", () => {
    expect(axisTitle("values", "USD", { log: true })).toBe("USD, log scale");
  });
});

describe("units and periods in words", () => {
  it("titles the axis with the metric's own unit: one currency per axis, never two", () => {
    expect(axisTitle("values", "USD")).toBe("USD");
    expect(axisTitle("values", "EUR")).toBe("EUR");
    expect(axisTitle("values", "units")).toBe("units");
    for (const [id, m] of Object.entries(METRICS)) {
      const currencies = ["USD", "EUR", "JPY", "TWD", "CNY"].filter((c) => axisTitle("values", m.unit).includes(c));
      expect(currencies.length, id).toBeLessThanOrEqual(1);
    }
    expect([modeUnit("indexed", "USD"), modeUnit("share", "USD"), modeUnit("values", "EUR")]).toEqual([
      "index",
      "%",
      "EUR",
    ]);
  });

  it("tells fiscal periods by their name or their dates", () => {
    const at = (label: string, start: string, granularity: "quarter" | "year" = "quarter") => ({
      label,
      start: new Date(`${start}T00:00:00Z`),
      granularity,
    });
    expect(isFiscal(at("Q3 FY2025", "2024-07-29"))).toBe(true);
    expect(isFiscal(at("FY2025", "2024-01-29", "year"))).toBe(true);
    expect(isFiscal(at("2024-01-29 – 2025-01-26", "2024-01-29", "year"))).toBe(true);
    expect(isFiscal(at("2025 Q1", "2025-01-01"))).toBe(false);
    expect(periodNote(toLineSeries(unitEstimates))).toBe("calendar periods");
    expect(periodNote(toLineSeries(revenueByRegion))).toBe(
      "fiscal periods shown at their own dates, beside calendar ones",
    );
  });

  it("says in the subtitle what is drawn, its periods, and what a log chart leaves out", () => {
    const base = {
      view: DEFAULT_VIEW,
      unit: "USD",
      mode: "values" as const,
      sharesLeftOut: 0,
      logLeftOut: null,
      modeReason: null,
      logReason: null,
      periods: "fiscal periods shown at their own dates",
      stackable: true,
      mixedUnits: false,
      areaWithTotal: false,
      indexedLines: false,
    };
    expect(seriesSubtitle(base)).toMatch(/^USD per year, as reported: one currency, never converted; fiscal periods/);
    expect(seriesSubtitle({ ...base, logLeftOut: 2 })).toContain("Log scale: 2 figures at or below zero left out");
    const indexed = seriesSubtitle({ ...base, mode: "indexed", bases: new Map([["CHN", "FY2021"]]) });
    expect(indexed).toMatch(/^Each line as an index of its first figure in the view \(FY2021 = 100\), from USD/);
    expect(seriesSubtitle({ ...base, mode: "share", denominator: "world" })).toMatch(/share \(%\) of World's/);
    expect(
      seriesSubtitle({ ...base, view: { ...DEFAULT_VIEW, mode: "share" }, modeReason: "This metric does not add up" }),
    ).toContain("Share of total is not available (This metric does not add up), so values are shown");
  });
});

/** The chart as the series card draws it at a width: log or indexed, with its axis title. */
function chartAt(width: number, mode: "log" | "indexed", response: SeriesResponse = regionGrowth) {
  const raw = toLineSeries(response);
  const indexed = mode === "indexed" ? toIndexed(raw) : null;
  const lines = indexed ? indexed.lines : forLogScale(raw).lines;
  const unit = modeUnit(mode === "indexed" ? "indexed" : "values", response.metric.unit);
  const title = axisTitle(mode === "indexed" ? "indexed" : "values", response.metric.unit, {
    ...(indexed ? { bases: indexed.bases } : {}),
    log: mode === "log",
  });
  const bounds: Bounds = chartBounds(width);
  const layout = layoutTimeSeries(lines, bounds, {
    mark: "line",
    events: [],
    endLabels: labelsLineEnds(width),
    scale: mode === "log" ? "log" : "linear",
    axisTitle: title,
  });
  return { layout, bounds, unit, title, lines };
}

describe("axis labels readable on a phone and a wide screen", () => {
  for (const width of [375, 1440])
    for (const mode of ["log", "indexed"] as const)
      it(`never overlaps two labels, nor runs one off the chart, at ${width} px in ${mode} mode`, () => {
        const { layout, bounds, unit, title } = chartAt(width, mode);
        const boxes = axisLabelBoxes(layout, bounds, (v) => formatTick(v, unit));
        expect(boxes.find((b) => b.kind === "title")!.text).toBe(title);
        expect(boxes.filter((b) => b.kind === "y").length).toBeGreaterThanOrEqual(3);
        expect(boxes.filter((b) => b.kind === "x").length).toBeGreaterThanOrEqual(3);
        // Names at line ends on the wide screen only (the legend names them on a phone).
        expect(boxes.filter((b) => b.kind === "end")).toHaveLength(width >= 720 ? 5 : 0);
        for (const [i, a] of boxes.entries()) {
          expect(a.box.x0, `${a.text} starts inside the chart`).toBeGreaterThanOrEqual(0);
          expect(a.box.x1, `${a.text} ends inside the chart`).toBeLessThanOrEqual(bounds.width);
          expect(a.box.y0, `${a.text} inside the chart`).toBeGreaterThanOrEqual(0);
          expect(a.box.y1, `${a.text} inside the chart`).toBeLessThanOrEqual(bounds.height);
          for (const b of boxes.slice(i + 1)) expect(overlaps(a.box, b.box), `"${a.text}" and "${b.text}"`).toBe(false);
        }
      });

  it("moves crowded names at line ends up from the bottom rather than piling them on one spot", () => {
    // Eight lines that all end at the bottom of the plot.
    const flat = {
      ...regionGrowth,
      series: Array.from({ length: 8 }, (_, i) => ({
        ...regionGrowth.series[0]!,
        key: `L${i}`,
        label: `Line ${i}`,
        points: regionGrowth.series[0]!.points.map((p, j) => ({ ...p, value: j === 6 ? 1e6 + i : 2e10 })),
      })),
    };
    const { layout, bounds, unit } = chartAt(1440, "log", flat);
    const ends = axisLabelBoxes(layout, bounds, (v) => formatTick(v, unit)).filter((b) => b.kind === "end");
    expect(ends).toHaveLength(8);
    for (const [i, a] of ends.entries()) for (const b of ends.slice(i + 1)) expect(overlaps(a.box, b.box)).toBe(false);
    expect(Math.max(...layout.series.map((s) => s.endLabel!.y))).toBeLessThanOrEqual(layout.innerHeight);
  });
});

describe("TimeSeriesChart in log and indexed modes", () => {
  it("draws a log chart with its axis title (test/output/time-series-log.svg)", async () => {
    const { lines, unit, title } = chartAt(720, "log");
    const svg = renderToStaticMarkup(
      <TimeSeriesChart
        lines={lines}
        unit={unit}
        title="Revenue by region"
        scale="log"
        axisTitle={title}
        bounds={chartBounds(720)}
        endLabels
      />,
    );
    await expect(svg).toMatchFileSnapshot("./output/time-series-log.svg");
    expect(svg).toContain('class="axis-title">USD, log scale</text>');
    expect(svg).toContain(">$10B</text>");
    // Singapore's zero year is left out of the log chart.
    expect(svg).not.toContain("Singapore, 2023");
  });

  it("draws indexed lines with the figure behind each index (test/output/time-series-indexed.svg)", async () => {
    const { lines, unit, title } = chartAt(720, "indexed");
    const svg = renderToStaticMarkup(
      <TimeSeriesChart
        lines={lines}
        unit={unit}
        figureUnit="USD"
        title="Revenue by region"
        axisTitle={title}
        bounds={chartBounds(720)}
        endLabels
      />,
    );
    await expect(svg).toMatchFileSnapshot("./output/time-series-indexed.svg");
    expect(svg).toContain(`class="axis-title">index (each line&#x27;s first period = 100)</text>`);
    expect(svg).toContain("China, 2025: 1,000 (figure $20.0B) (reported)");
    expect(svg).toContain("Singapore, 2020: 100 (figure $200.0M) (reported)");
  });
});
