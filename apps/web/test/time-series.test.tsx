import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatTick, formatValue } from "../src/charts/format.js";
import { placeEventLabelBand } from "../src/charts/time-series/event-label-band.js";
import { eventLabelBox, overlaps, placeEventLabels, placeSpanLabels } from "../src/charts/time-series/label-layout.js";
import { layoutTimeSeries, TOTAL_COLOR } from "../src/charts/time-series/layout.js";
import {
  pickMainEvents,
  skipsPeriods,
  toDay,
  toEventMarks,
  toLineSeries,
  type EventMark,
  type LinePoint,
  type LineSeries,
} from "../src/charts/time-series/state.js";
import { TimeSeriesChart } from "../src/charts/time-series/TimeSeriesChart.js";
import { fixtureEvents, linePoint, revenueByRegion, unitEstimates } from "./fixtures.js";

describe("time series state", () => {
  it("drops points without a value and series left empty", () => {
    const lines = toLineSeries(revenueByRegion);
    expect(lines.map((l) => [l.key, l.points.length])).toEqual([
      ["CHN", 3],
      ["USA", 1],
    ]);
    expect(lines[0]!.points[0]).toMatchObject({ coarser: true, label: "FY2025", value: 10_000_000_000 });
  });

  it("adds World's reported total as a line labelled as the total only when asked (never to a stack)", () => {
    const world = { ...revenueByRegion.series[0]!, key: "WLD", label: "World" };
    const response = { ...revenueByRegion, total: world };
    expect(toLineSeries(response).map((s) => s.key)).not.toContain("WLD");
    const withTotal = toLineSeries(response, true);
    expect(withTotal.at(-1)).toMatchObject({ key: "WLD", label: "World (reported total)", total: true });
    // A colour of its own, never one of a series'.
    const placed = layoutTimeSeries(withTotal).series;
    expect(placed.at(-1)!.color).toBe(TOTAL_COLOR);
    expect(placed.slice(0, -1).map((s) => s.color)).not.toContain(TOTAL_COLOR);
  });

  it("keeps competing estimates apart from the value", () => {
    const chipA = toLineSeries(unitEstimates)[0]!;
    expect(chipA.points[1]).toMatchObject({ value: 1_000_000, low: 900_000, high: 1_500_000 });
    expect(chipA.points[1]!.alternatives).toEqual([
      { value: 1_500_000, low: null, high: null, sourceId: 3, datasetId: "fixture-b", estimateKind: "forecast" },
    ]);
  });

  it("shows the handful of best-ranked events inside the data's span, in date order; unranked ones wait", () => {
    const mark = (id: number, date: string, rank: number | null): EventMark => ({
      ...toEventMarks(fixtureEvents)[0]!,
      id,
      date: toDay(date),
      rank,
    });
    const events = [
      mark(1, "2023-01-01", 3),
      mark(2, "2023-06-01", 1),
      mark(3, "2023-09-01", null),
      mark(4, "2024-02-01", 2),
      mark(5, "2019-01-01", 4), // before the data
    ];
    const picked = pickMainEvents(events, toDay("2022-01-01"), toDay("2024-12-31"), null, 2);
    expect(picked.map((e) => e.id)).toEqual([2, 4]);
    expect(pickMainEvents(events, toDay("2022-01-01"), toDay("2024-12-31")).map((e) => e.id)).toEqual([1, 2, 4]);
  });

  it("shows a chart about tools the events about tools or both, and keeps those about chips for all events", () => {
    const mark = (id: number, rank: number, topic: EventMark["topic"]): EventMark => ({
      ...toEventMarks(fixtureEvents)[0]!,
      id,
      date: toDay(`2023-0${id}-01`),
      rank,
      topic,
    });
    const events = [
      mark(1, 1, null),
      mark(2, 2, "chips"),
      mark(3, 3, "tools"),
      mark(4, 4, "chips"),
      mark(5, 5, "tools"),
    ];
    const [from, to] = [toDay("2023-01-01"), toDay("2023-12-31")];
    expect(pickMainEvents(events, from, to, "tools", 3).map((e) => e.id)).toEqual([1, 3, 5]);
    expect(pickMainEvents(events, from, to, "chips", 3).map((e) => e.id)).toEqual([1, 2, 4]);
    expect(pickMainEvents(events, from, to, null, 3).map((e) => e.id)).toEqual([1, 2, 3]);
  });

  it("reads event dates known to the day, month or year, oldest first", () => {
    expect(toDay("2022").toISOString()).toBe("2022-01-01T00:00:00.000Z");
    expect(toDay("2023-01").toISOString()).toBe("2023-01-01T00:00:00.000Z");
    expect(toEventMarks(fixtureEvents).map((e) => e.title)).toEqual(["Older rule", "Synthetic rule"]);
  });
});

describe("time series layout", () => {
  const fiscalYear = (start: string, end: string, value: number) => linePoint(start, end, value, "year");
  const line = (points: LinePoint[]): LineSeries => ({ key: "CHN", label: "China", interval: "year", points });

  it("draws one line through periods that follow each other, fiscal calendars' weekends included", () => {
    const years = line([
      fiscalYear("2022-01-30", "2023-01-28", 2),
      fiscalYear("2023-01-29", "2024-02-03", 3), // a 53-week year
      fiscalYear("2024-02-04", "2025-02-01", 4),
    ]);
    expect(skipsPeriods(years)).toBe(false);
    const [placed] = layoutTimeSeries([years]).series;
    expect(placed!.path.match(/M/g)).toHaveLength(1);
    expect(placed!.gaps).toBe("");
  });

  it("breaks a line where a period has no figure, and bridges the gap with a dotted path of its own", () => {
    const years = line([
      fiscalYear("2018-01-01", "2018-12-31", 2),
      fiscalYear("2019-01-01", "2019-12-31", 3),
      fiscalYear("2022-01-01", "2022-12-31", 5), // 2020 and 2021 not reported
      fiscalYear("2023-01-01", "2023-12-31", 6),
    ]);
    expect(skipsPeriods(years)).toBe(true);
    const [placed] = layoutTimeSeries([years]).series;
    const [, second, third] = placed!.points;
    expect(placed!.path.match(/M/g)).toHaveLength(2);
    expect(placed!.gaps).toBe(`M${second!.x},${second!.y}L${third!.x},${third!.y}`);
    // Stacked areas are drawn whole: no bridge.
    expect(layoutTimeSeries([years], undefined, { mark: "area", events: [] }).series[0]!.gaps).toBe("");
  });

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

  it("draws a fiscal year on a quarterly axis at its rate per quarter, never at its yearly value", () => {
    const [china] = toLineSeries(revenueByRegion);
    const yearly = china!.points[0]!;
    expect([yearly.value, yearly.intervals, yearly.shown]).toEqual([10_000_000_000, 4, 2_500_000_000]);
    const layout = layoutTimeSeries(toLineSeries(revenueByRegion));
    // The axis reaches the largest quarterly figure ($3.0B), not the $10.0B yearly total.
    expect(layout.yTicks.at(-1)!.value).toBeLessThan(10_000_000_000);
    const drawn = layout.series[0]!.points[0]!;
    const at = (v: number) => layout.innerHeight * (1 - v / layout.yTicks.at(-1)!.value);
    expect(Math.abs(drawn.y - at(2_500_000_000))).toBeLessThan(1);
  });

  it("draws a share over a longer period at its own level: a share is not a flow to spread over quarters", () => {
    const shares = {
      ...revenueByRegion,
      metric: { id: "revenue_share_pct" as const, label: "Share", unit: "%", aggregation: "none" as const },
    };
    const yearly = toLineSeries(shares)[0]!.points[0]!;
    expect([yearly.coarser, yearly.intervals, yearly.shown]).toEqual([true, 1, yearly.value]);
  });

  it("labels coarser spans with their totals without ever overlapping two labels", () => {
    // Five series with the same fiscal year at nearly the same height: their labels would all fall on one spot.
    const yearly = revenueByRegion.series[0]!.points[0]!;
    const crowded = {
      ...revenueByRegion,
      series: [0, 1, 2, 3, 4].map((i) => ({
        key: `S${i}`,
        label: `Series ${i}`,
        points: [{ ...yearly, value: 10_000_000_000 + i * 1e8 }, revenueByRegion.series[0]!.points[1]!],
      })),
    };
    const spans = layoutTimeSeries(toLineSeries(crowded)).series.flatMap((s) => s.points.filter((p) => p.coarser));
    const labelled = spans.filter((p) => p.labelled);
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.length).toBeLessThan(spans.length);
    const boxes = labelled.map((p) => ({ x0: p.x0, x1: p.x0 + 6 * (p.label.length + 8), y0: p.y - 17, y1: p.y - 5 }));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, "two span labels overlap").toBe(false);
  });

  it("labels events on the chart in rows, never two overlapping; an event with no room keeps its title only", () => {
    const base = toEventMarks(fixtureEvents)[0]!;
    const events = Array.from({ length: 8 }, (_, i) => ({
      ...base,
      id: i,
      x: 100 + i * 4, // eight events within a few pixels: three rows hold three labels
      label: `Event number ${i}`,
      labelAt: null,
    }));
    const placed = placeEventLabels(events, 640).filter((e) => e.labelAt);
    expect(placed).toHaveLength(3);
    const boxes = placed.map((e) => ({ x0: e.labelAt!.x, x1: e.labelAt!.x + 5.6 * e.label!.length, y: e.labelAt!.y }));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a.y === b.y && a.x0 < b.x1 && b.x0 < a.x1).toBe(false);
    // Near the right edge a label ends at its line instead of running off the chart.
    const [last] = placeEventLabels([{ ...events[0]!, x: 630 }], 640);
    expect(last!.labelAt).toMatchObject({ anchor: "end", x: 627 });
  });

  it("labels every event in a band above the plot, no label crossing another event's line", () => {
    const base = toEventMarks(fixtureEvents)[0]!;
    // Eight events within a few pixels, four near the right edge (their labels end at their lines).
    const xs = [100, 104, 108, 112, 600, 604, 630, 636];
    const events = xs.map((x, i) => ({ ...base, id: i, x, label: `Event number ${i}`, labelAt: null }));
    const { events: placed, rows } = placeEventLabelBand(events, 640, 10);
    expect(placed.every((e) => e.labelAt !== null && e.labelAt.y < 0)).toBe(true);
    expect(rows).toBe(4);
    const boxes = placed.map((e) => eventLabelBox(e)!);
    for (const [i, a] of boxes.entries()) {
      expect(a.x0).toBeGreaterThanOrEqual(0);
      expect(a.x1).toBeLessThanOrEqual(640);
      for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      // Every other event's line rises from the plot's top (0) to its own label: it must not pass through this one.
      for (const [j, e] of placed.entries())
        if (j !== i)
          expect(e.x > a.x0 && e.x < a.x1 && e.labelAt!.y < a.y0, `line ${j} crosses label ${i}`).toBe(false);
    }
    // With room for two rows only, the labels that do not fit are left out, their titles kept.
    expect(placeEventLabelBand(events, 640, 2).events.filter((e) => e.labelAt).length).toBe(4);
  });

  it("leaves out a span label that an event's label would overlap: the event's wins", () => {
    const span = layoutTimeSeries(toLineSeries(revenueByRegion)).series[0]!.points[0]!;
    placeSpanLabels([span], [{ x0: span.x0, x1: span.x0 + 50, y0: span.y - 12, y1: span.y - 4 }]);
    expect(span.labelled).toBe(false);
    placeSpanLabels([span], [{ x0: span.x0 + 500, x1: span.x0 + 550, y0: span.y - 12, y1: span.y - 4 }]);
    expect(span.labelled).toBe(true);
  });

  it("draws a log scale on request, ticked at powers of ten, so that growth reads alike at any size", () => {
    const log = layoutTimeSeries(toLineSeries(revenueByRegion), undefined, { mark: "line", events: [], scale: "log" });
    const values = log.yTicks.map((t) => t.value);
    expect(values).toContain(1_000_000_000);
    expect(values.every((v) => [1, 2, 5].includes(v / 10 ** Math.floor(Math.log10(v) + 1e-9)))).toBe(true);
    const [china] = log.series;
    // On a log axis $1.1B sits above $1.0B by log(1.1) of a decade, far less than on the linear axis.
    const rise = china!.points[1]!.y - china!.points[2]!.y;
    const linear = layoutTimeSeries(toLineSeries(revenueByRegion)).series[0]!;
    expect(rise).toBeGreaterThan(0);
    expect(rise).not.toBeCloseTo(linear.points[1]!.y - linear.points[2]!.y, 0);
  });

  it("names each line at its end, in the margin, at least a line apart, when asked", () => {
    const plain = layoutTimeSeries(toLineSeries(revenueByRegion));
    expect(plain.series.every((s) => s.endLabel === null)).toBe(true);
    const named = layoutTimeSeries(toLineSeries(revenueByRegion), undefined, {
      mark: "line",
      events: [],
      endLabels: true,
    });
    const ends = named.series.map((s) => s.endLabel!);
    expect(ends.every((e) => e.x > named.innerWidth)).toBe(true);
    const ys = ends.map((e) => e.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(12);
    const svg = renderToStaticMarkup(
      <TimeSeriesChart lines={toLineSeries(revenueByRegion)} unit="USD" title="Revenue" endLabels />,
    );
    expect(svg.match(/class="end-label"/g)).toHaveLength(named.series.length);
  });

  it("labels a chart of yearly figures by year only, never by month", () => {
    // Two fiscal years (late January to late January): a plain time axis would tick Apr, Jul and Oct.
    const fiscal = {
      ...unitEstimates,
      series: [
        {
          ...unitEstimates.series[0]!,
          points: [
            {
              ...unitEstimates.series[0]!.points[0]!,
              periodStart: "2024-01-29",
              periodEnd: "2025-01-26",
              label: "FY2025",
            },
            {
              ...unitEstimates.series[0]!.points[0]!,
              periodStart: "2025-01-27",
              periodEnd: "2026-01-25",
              label: "FY2026",
            },
          ],
        },
      ],
    };
    const layout = layoutTimeSeries(toLineSeries(fiscal));
    expect(layout.xTicks.map((t) => t.label)).toEqual(["2025", "2026"]);
  });

  it("reaches up to the highest competing estimate and draws a band only where low and high differ", () => {
    const layout = layoutTimeSeries(toLineSeries(unitEstimates));
    expect(layout.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(1_500_000);
    const [a, b] = layout.series;
    expect(a!.band).toMatch(/^M/);
    expect(b!.band).toBe("");
    const alt = a!.points[1]!.placedAlternatives[0]!;
    expect(alt.y).toBeLessThan(a!.points[1]!.y);
    // Set beside the value's mark, so an equal competing estimate cannot hide it.
    expect(alt.x).toBeGreaterThan(a!.points[1]!.x);
  });

  it("stacks series in area mode, so the top series sits on the one below", () => {
    const lines = toLineSeries(unitEstimates);
    const layout = layoutTimeSeries(lines, undefined, { mark: "area", events: [] });
    const top = layout.series[1]!.points[0]!;
    const y = (v: number) => layout.innerHeight * (1 - v / layout.yTicks.at(-1)!.value);
    expect(top.y).toBeCloseTo(y(400_000 + 100_000), 0);
    // Competing estimates are not stacked: they are left out of an area chart.
    expect(layout.series[0]!.points[1]!.placedAlternatives).toEqual([]);
  });

  it("places events inside the time span only", () => {
    const layout = layoutTimeSeries(toLineSeries(unitEstimates), undefined, {
      mark: "line",
      events: toEventMarks(fixtureEvents),
    });
    expect(layout.events.map((e) => e.title)).toEqual(["Synthetic rule"]);
    // 2024-07-01 is the middle of 2023–2025.
    expect(Math.abs(layout.events[0]!.x - layout.innerWidth / 2)).toBeLessThan(2);
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
    expect(svg).toContain(
      "China, FY2025: $10.0B for the whole period, drawn at $2.5B per quarter on average (reported)",
    );
    expect(svg).toContain('class="span-label"');
    expect(svg).toContain(">FY2025: $10.0B</text>");
  });

  it("draws estimates with a band, a competing estimate and an event (test/output/time-series-estimates.svg)", async () => {
    const svg = renderToStaticMarkup(
      <TimeSeriesChart
        lines={toLineSeries(unitEstimates)}
        unit="units"
        title="Units by product"
        events={toEventMarks(fixtureEvents)}
      />,
    );
    await expect(svg).toMatchFileSnapshot("./output/time-series-estimates.svg");
    expect(svg.match(/class="band"/g)).toHaveLength(1);
    expect(svg).toContain("Chip A, 2024: competing forecast 1.5M units (fixture-b, not added)");
    expect(svg.match(/class="event"/g)).toHaveLength(1);
    expect(svg).toContain("Announced 2024-07-01: Synthetic rule");
    expect(svg).toContain('class="event-label"');
    // Data marks come before events in the document, so they come first in the tab order.
    expect(svg.lastIndexOf('class="mark')).toBeLessThan(svg.indexOf('class="event"'));
  });

  it("draws stacked areas (test/output/time-series-area.svg)", async () => {
    const svg = renderToStaticMarkup(
      <TimeSeriesChart lines={toLineSeries(unitEstimates)} unit="units" title="Units by product" mark="area" />,
    );
    await expect(svg).toMatchFileSnapshot("./output/time-series-area.svg");
    expect(svg.match(/fill-opacity="0.75"/g)).toHaveLength(2);
  });
});

describe("formatValue", () => {
  it("writes money, units and shares the way people read them", () => {
    expect(formatValue(12e9, "USD")).toBe("$12.0B");
    expect(formatValue(1e6, "units")).toBe("1.0M units");
    expect(formatValue(13, "%")).toBe("13%");
    expect(formatValue(2.9e9, "EUR")).toBe("€2.9B");
    expect(formatValue(null, "USD")).toBe("–");
    // Currencies counted in trillions (TSMC's year in NT$, a Korean maker's in won) read in T, not thousands of B.
    expect(formatValue(2_894_307_700_000, "TWD")).toBe("2.9T TWD");
    expect(formatValue(66_190e9, "KRW")).toBe("66.2T KRW");
  });
});

describe("formatTick", () => {
  it("keeps axis labels short: the unit word is in the subtitle", () => {
    expect(formatTick(500_000, "units")).toBe("500K");
    expect(formatTick(12e9, "USD")).toBe("$12B");
    expect(formatTick(2.5e9, "USD")).toBe("$2.5B");
    expect(formatTick(40, "%")).toBe("40%");
    expect(formatTick(2e12, "JPY")).toBe("2T");
  });
});
