import { extent, max, min } from "d3-array";
import { scaleLinear, scaleLog, scaleUtc } from "d3-scale";
import { utcFormat } from "d3-time-format";
import { area, line, stack, stackOffsetNone } from "d3-shape";
import { colorAt } from "../palette.js";
import { bandHeight, BAND_ROW_PITCH, placeEventLabelBand } from "./event-label-band.js";
import { eventLabelBox, placeEndLabels, placeEventLabels, placeSpanLabels, type Box } from "./label-layout.js";
import {
  finePoints,
  periodBreaks,
  type Alternative,
  type EventMark,
  type LinePoint,
  type LineSeries,
} from "./state.js";

export interface Bounds {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const defaultBounds: Bounds = { width: 720, height: 320, margin: { top: 16, right: 16, bottom: 32, left: 64 } };

export interface PlacedAlternative extends Alternative {
  /** Set a little right of the value's mark, so that an equal competing estimate does not hide it. */
  x: number;
  y: number;
}

export interface PlacedPoint extends LinePoint {
  x: number;
  /** Where a coarser figure's span starts and ends on the x axis. */
  x0: number;
  x1: number;
  y: number;
  /** Whether a coarser figure's span carries its total as a label: only where the label overlaps no other. */
  labelled: boolean;
  placedAlternatives: PlacedAlternative[];
}

export interface PlacedSeries {
  key: string;
  label: string;
  /** Where the series' name stands at the end of its line, when the chart names line ends. */
  endLabel: { x: number; y: number } | null;
  interval: LineSeries["interval"];
  color: string;
  /** The line, or in area mode the stacked area. A line is broken where a period has no figure. */
  path: string;
  /** Dotted bridges across the periods a line has no figure for (empty in area mode, or when none is missing). */
  gaps: string;
  /** The low–high band of estimates, empty when no point has a range. */
  band: string;
  points: PlacedPoint[];
}

export interface PlacedEvent extends EventMark {
  x: number;
  /** Where its label stands, or null for an event drawn without one (no label, or no room). */
  labelAt: { x: number; y: number; anchor: "start" | "end" } | null;
}

/** An event as drawn: its dashed line runs from `lineTop` (the plot's top, or its label's row above it) down. */
export interface DrawnEvent extends PlacedEvent {
  lineTop: number;
}

export interface TimeSeriesLayout {
  /**
   * Where the plot starts below the top of the chart: the top margin, the axis title's row when there is one, and the
   * band of event labels when every event is labelled.
   */
  plotTop: number;
  /** The y axis' title (its unit), at the top left of the chart, in chart coordinates (not the plot's). */
  axisTitle: { x: number; y: number; text: string } | null;
  series: PlacedSeries[];
  events: DrawnEvent[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
  innerWidth: number;
  innerHeight: number;
}

export interface TimeSeriesOptions {
  mark: "line" | "area";
  events: EventMark[];
  /** Name each line at its end, in the right margin (as OWID's line charts do), rather than only in a legend. */
  endLabels?: boolean;
  /** A log scale shows growth rates alike at any size; only positive figures have a place on it. */
  scale?: "linear" | "log";
  /** The y axis' title, written above the plot: "USD", "index (2019 = 100)". */
  axisTitle?: string;
  /** Dates the time axis reaches besides the data's own span (events a chart is about, just past its last figure). */
  extendTo?: Date[];
  /**
   * The events are a chosen few (a story's milestones): each gets its label, in a band of as many rows as that
   * takes above the plot (the plot is that much shorter), rather than only those that fit three rows at its top.
   */
  labelEveryEvent?: boolean;
}

/** The room an axis title takes above the plot, and where its baseline stands. */
export const AXIS_TITLE_ROOM = 14;
const AXIS_TITLE_BASELINE = 12;

const tickLabel = (d: Date) =>
  d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? String(d.getUTCFullYear()) : monthDay(d);

/**
 * Ticks on the first day of each year inside the domain, every `step` years so that at most `count` fit: a chart of
 * yearly figures is labelled by year only, never by month.
 */
function yearTicks([d0, d1]: [Date, Date], count: number): Date[] {
  const first = d0.getUTCFullYear() + (d0.getUTCMonth() === 0 && d0.getUTCDate() === 1 ? 0 : 1);
  const years = Array.from({ length: Math.max(0, d1.getUTCFullYear() - first + 1) }, (_, i) => first + i);
  const step = Math.max(1, Math.ceil(years.length / Math.max(1, count)));
  return years.filter((_, i) => i % step === 0).map((y) => new Date(Date.UTC(y, 0, 1)));
}
const monthDay = utcFormat("%b");
const mid = (p: LinePoint) => new Date((p.start.getTime() + p.end.getTime()) / 2);
const round = (n: number) => Math.round(n * 10) / 10;
const hasRange = (p: LinePoint) => p.low !== null && p.high !== null && p.high > p.low;

/** World's reported total: a neutral grey, never one of the palette's series colours. */
export const TOTAL_COLOR = "#5b6474";

/**
 * Ticks of a log axis: the powers of ten inside its domain, with 2 and 5 times each when there are few decades;
 * with more decades than `count` ticks fit, every second (third…) power of ten.
 */
export function logTicks([lo, hi]: [number, number], count = 10): number[] {
  const decades = Math.log10(hi / lo);
  const steps = decades <= 3 && decades * 3 <= count + 1 ? [1, 2, 5] : [1];
  const every = Math.max(1, Math.ceil(decades / Math.max(1, count)));
  const ticks: number[] = [];
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++)
    for (const s of steps) {
      const v = s * 10 ** p;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) && (s > 1 || p % every === 0)) ticks.push(v);
    }
  return ticks;
}

/** Stacked tops per series and period, for area mode; coarser figures are left out of a stack. */
function stackTops(lines: LineSeries[]): Map<string, Map<number, [number, number]>> {
  const periods = [...new Set(lines.flatMap((s) => s.points.filter((p) => !p.coarser).map((p) => p.start.getTime())))];
  periods.sort((a, b) => a - b);
  const rows = periods.map((t) =>
    Object.fromEntries(
      lines.map((s) => [s.key, s.points.find((p) => !p.coarser && p.start.getTime() === t)?.value ?? 0]),
    ),
  );
  const stacked = stack<Record<string, number>>()
    .keys(lines.map((s) => s.key))
    .offset(stackOffsetNone)(rows);
  return new Map(
    stacked.map((layer) => [layer.key, new Map(layer.map((d, i) => [periods[i]!, [d[0], d[1]] as [number, number]]))]),
  );
}

/**
 * Places lines with d3 scales: x by the middle of each period, y from zero to the largest value, high or
 * competing estimate. A figure coarser than the interval is drawn at its rate per interval (`shown`), never at its
 * whole-period value on a per-interval axis. In area mode the series are stacked (only for metrics that add up;
 * the caller decides).
 */
export function layoutTimeSeries(
  lines: LineSeries[],
  bounds: Bounds = defaultBounds,
  options: TimeSeriesOptions = { mark: "line", events: [] },
): TimeSeriesLayout {
  const titleTop = bounds.margin.top + (options.axisTitle ? AXIS_TITLE_ROOM : 0);
  const innerWidth = bounds.width - bounds.margin.left - bounds.margin.right;
  const all = lines.flatMap((s) => s.points);
  const [x0, x1] = extent([
    ...all.flatMap((p) => [p.start, p.end]),
    ...(all.length > 0 ? (options.extendTo ?? []) : []),
  ]);
  const x = scaleUtc()
    .domain([x0 ?? new Date(0), x1 ?? new Date(0)])
    .range([0, innerWidth]);
  const [d0, d1] = x.domain() as [Date, Date];
  const shown = options.events
    .filter((e) => e.date >= d0 && e.date <= d1)
    .map((e) => ({ ...e, x: round(x(e.date)), labelAt: null }));
  // Events are labelled first (a span label gives way to an event's): in a band above the plot, which takes at most
  // a third of the chart's height below the title, or in three rows at the plot's top.
  const room = bounds.height - titleTop - bounds.margin.bottom;
  const band = options.labelEveryEvent
    ? placeEventLabelBand(shown, innerWidth, Math.max(1, Math.floor(room / 3 / BAND_ROW_PITCH)))
    : { events: placeEventLabels(shown, innerWidth), rows: 0 };
  const plotTop = titleTop + bandHeight(band.rows);
  const innerHeight = bounds.height - plotTop - bounds.margin.bottom;
  const events = band.events.map((e) => ({ ...e, lineTop: e.labelAt && e.labelAt.y < 0 ? e.labelAt.y - 9 : 0 }));
  const tops = options.mark === "area" ? stackTops(lines) : null;
  const highest =
    tops !== null
      ? max([...tops.values()].flatMap((m) => [...m.values()].map((d) => d[1])))
      : max(all, (p) =>
          p.coarser
            ? Math.max(p.shown, ...p.alternatives.map((a) => a.value / p.intervals))
            : Math.max(p.value, p.high ?? 0, ...p.alternatives.map((a) => Math.max(a.value, a.high ?? 0))),
        );
  const log = options.scale === "log" && options.mark === "line";
  const lowest = min(
    all.filter((p) => p.shown > 0),
    (p) => Math.min(p.shown, ...(p.low && p.low > 0 ? [p.low] : [])),
  );
  const y = log
    ? scaleLog()
        .domain([lowest ?? 1, Math.max(highest || 1, (lowest ?? 1) * 10)])
        .nice()
        .range([innerHeight, 0])
        .clamp(true)
    : scaleLinear()
        .domain([0, highest || 1])
        .nice()
        .range([innerHeight, 0]);
  const toPath = line<PlacedPoint>()
    .x((p) => p.x)
    .y((p) => p.y);
  const toBand = area<LinePoint>()
    .x((p) => round(x(mid(p))))
    .y0((p) => round(y(p.low!)))
    .y1((p) => round(y(p.high!)));
  const toStackArea = area<[Date, [number, number]]>()
    .x(([d]) => round(x(d)))
    .y0(([, v]) => round(y(v[0])))
    .y1(([, v]) => round(y(v[1])));

  const series = lines.map((s, i) => {
    const own = tops?.get(s.key);
    const points = s.points.map((p) => ({
      ...p,
      x: round(x(mid(p))),
      x0: round(x(p.start)),
      x1: round(x(p.end)),
      y: round(y(own && !p.coarser ? (own.get(p.start.getTime())?.[1] ?? p.value) : p.shown)),
      labelled: false,
      placedAlternatives: (own ? [] : p.alternatives).map((a, i) => ({
        ...a,
        x: round(x(mid(p)) + 8 * (i + 1)),
        y: round(y(a.value / p.intervals)),
      })),
    }));
    const fine = finePoints(points);
    const breaks = periodBreaks(fine);
    const runs = [0, ...breaks].map((from, k) => fine.slice(from, breaks[k] ?? fine.length));
    const path = own
      ? (toStackArea(
          [...own.entries()].map(([t, v]) => {
            const p = s.points.find((q) => !q.coarser && q.start.getTime() === t);
            return [p ? mid(p) : new Date(t), v] as [Date, [number, number]];
          }),
        ) ?? "")
      : runs.map((run) => toPath(run) ?? "").join("");
    const ranged = own ? [] : s.points.filter((p) => !p.coarser && hasRange(p));
    return {
      key: s.key,
      label: s.label,
      interval: s.interval,
      color: s.total ? TOTAL_COLOR : colorAt(i),
      endLabel: null,
      points,
      path,
      gaps: own ? "" : breaks.map((j) => `M${fine[j - 1]!.x},${fine[j - 1]!.y}L${fine[j]!.x},${fine[j]!.y}`).join(""),
      band: ranged.length > 1 ? (toBand(ranged) ?? "") : "",
    };
  });

  placeSpanLabels(
    series.flatMap((s) => s.points.filter((p) => p.coarser)),
    events.map(eventLabelBox).filter((b): b is Box => b !== null),
  );
  if (options.endLabels && options.mark === "line") placeEndLabels(series, innerWidth, innerHeight);
  return {
    plotTop,
    axisTitle: options.axisTitle ? { x: 4, y: AXIS_TITLE_BASELINE, text: options.axisTitle } : null,
    innerWidth,
    innerHeight,
    series,
    events,
    xTicks: (lines[0]?.interval === "year"
      ? yearTicks([d0, d1], Math.floor(innerWidth / 60))
      : x.ticks(Math.max(2, Math.floor(innerWidth / 110)))
    ).map((d) => ({
      x: round(x(d)),
      label: tickLabel(d),
    })),
    // A log axis ticks powers of ten (and 2 and 5 between them when there is room), never a crowd of in-betweens.
    yTicks: (log ? logTicks(y.domain() as [number, number], Math.floor(innerHeight / 20)) : y.ticks(5)).map((v) => ({
      y: round(y(v)),
      value: v,
    })),
  };
}
