import { extent, max, min } from "d3-array";
import { scaleLinear, scaleLog, scaleUtc } from "d3-scale";
import { utcFormat } from "d3-time-format";
import { area, line, stack, stackOffsetNone } from "d3-shape";
import { colorAt } from "../palette.js";
import type { Alternative, EventMark, LinePoint, LineSeries } from "./state.js";

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
  /** The line, or in area mode the stacked area. */
  path: string;
  /** The low–high band of estimates, empty when no point has a range. */
  band: string;
  points: PlacedPoint[];
}

export interface PlacedEvent extends EventMark {
  x: number;
  /** Where its label stands, or null for an event drawn without one (no label, or no room). */
  labelAt: { x: number; y: number; anchor: "start" | "end" } | null;
}

export interface TimeSeriesLayout {
  /** Where the plot starts below the top of the chart: the top margin, and the axis title's row when there is one. */
  plotTop: number;
  /** The y axis' title (its unit), at the top left of the chart, in chart coordinates (not the plot's). */
  axisTitle: { x: number; y: number; text: string } | null;
  series: PlacedSeries[];
  events: PlacedEvent[];
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

/** The box a label takes: x from `x0` to `x1`, y from `y0` (top) to `y1`. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The box of an event's label, drawn at 10px with its baseline at `labelAt.y`. */
export function eventLabelBox(e: PlacedEvent): Box | null {
  if (!e.labelAt || !e.label) return null;
  const w = e.label.length * EVENT_CHAR_WIDTH;
  const x0 = e.labelAt.anchor === "start" ? e.labelAt.x : e.labelAt.x - w;
  return { x0, x1: x0 + w, y0: e.labelAt.y - 10, y1: e.labelAt.y + 3 };
}

/** Roughly how wide a span label of `n` characters is at 10px: wide enough never to let two overlap. */
const LABEL_CHAR_WIDTH = 6;
const LABEL_HEIGHT = 12;

/**
 * Labels coarser spans with their totals, first come first served: a label that would overlap one already placed,
 * or one of the `taken` boxes (the event labels), is left out (its figure stays in the mark's title and details),
 * so no two labels ever overlap.
 */
export function placeSpanLabels(points: PlacedPoint[], taken: Box[] = []) {
  const placed: Box[] = [...taken];
  for (const p of points) {
    const box = {
      x0: p.x0,
      x1: p.x0 + LABEL_CHAR_WIDTH * (p.label.length + 8),
      y0: p.y - 5 - LABEL_HEIGHT,
      y1: p.y - 5,
    };
    p.labelled = !placed.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1);
    if (p.labelled) placed.push(box);
  }
}

const END_LABEL_GAP = 12;

/**
 * Names each line at the height of its last point, in the right margin, moved apart where two would overlap
 * (at least one line height between any two names), and kept inside the plot's height: names pushed below its
 * bottom move up together. When more names than fit one above the other, none is written (the legend names them).
 */
export function placeEndLabels(series: PlacedSeries[], innerWidth: number, innerHeight: number): void {
  const ends = series
    .map((s) => ({ s, last: s.points.at(-1) }))
    .filter((e): e is { s: PlacedSeries; last: PlacedPoint } => e.last !== undefined)
    .sort((a, b) => a.last.y - b.last.y);
  if ((ends.length - 1) * END_LABEL_GAP > innerHeight) return;
  const ys: number[] = [];
  for (const { last } of ends) ys.push(Math.max(last.y, (ys.at(-1) ?? -Infinity) + END_LABEL_GAP));
  for (let i = ys.length - 1; i >= 0; i--)
    ys[i] = Math.min(ys[i]!, (ys[i + 1] ?? innerHeight + END_LABEL_GAP) - END_LABEL_GAP);
  ends.forEach(({ s }, i) => (s.endLabel = { x: innerWidth + 6, y: round(ys[i]!) }));
}

/** Roughly how wide a character of an 11px axis label is, and how far such a label reaches above and below. */
const AXIS_CHAR_WIDTH = 6.5;
const AXIS_HALF_HEIGHT = 6;

/** The most characters of a line's name written at its end: as many as the 120px right margin holds. */
export const END_LABEL_CHARS = 17;

/** A line's name as written at its end: cut with an ellipsis past `END_LABEL_CHARS`. */
export const endLabelText = (label: string) =>
  label.length > END_LABEL_CHARS ? `${label.slice(0, END_LABEL_CHARS - 1)}…` : label;

/**
 * The boxes of the chart's axis labels, in chart coordinates: the axis title, the y ticks (as `tickText` writes
 * them), the x ticks and the names at the line ends. Wide enough that boxes which do not overlap never show
 * labels that do.
 */
export function axisLabelBoxes(
  layout: TimeSeriesLayout,
  bounds: Bounds,
  tickText: (value: number) => string,
): { kind: "title" | "y" | "x" | "end"; text: string; box: Box }[] {
  const left = bounds.margin.left;
  const top = layout.plotTop;
  const width = (text: string) => text.length * AXIS_CHAR_WIDTH;
  const title = layout.axisTitle
    ? [
        {
          kind: "title" as const,
          text: layout.axisTitle.text,
          box: {
            x0: layout.axisTitle.x,
            x1: layout.axisTitle.x + width(layout.axisTitle.text),
            y0: layout.axisTitle.y - 10,
            y1: layout.axisTitle.y + 3,
          },
        },
      ]
    : [];
  const y = layout.yTicks.map((t) => {
    const text = tickText(t.value);
    const cy = top + t.y;
    return {
      kind: "y" as const,
      text,
      box: { x0: left - 8 - width(text), x1: left - 8, y0: cy - AXIS_HALF_HEIGHT, y1: cy + AXIS_HALF_HEIGHT },
    };
  });
  const x = layout.xTicks.map((t) => {
    const cx = left + t.x;
    const base = top + layout.innerHeight + 20;
    return {
      kind: "x" as const,
      text: t.label,
      box: { x0: cx - width(t.label) / 2, x1: cx + width(t.label) / 2, y0: base - 10, y1: base + 3 },
    };
  });
  const ends = layout.series.flatMap((s) => {
    if (!s.endLabel) return [];
    const text = endLabelText(s.label);
    const cy = top + s.endLabel.y;
    const x0 = left + s.endLabel.x;
    return [
      {
        kind: "end" as const,
        text,
        box: { x0, x1: x0 + width(text), y0: cy - AXIS_HALF_HEIGHT, y1: cy + AXIS_HALF_HEIGHT },
      },
    ];
  });
  return [...title, ...y, ...x, ...ends];
}

/** Whether two boxes overlap (touching is not overlapping). */
export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The rows event labels take at the top of the plot, and how wide a character of one is at 10px. */
const EVENT_LABEL_ROWS = [10, 23, 36];
const EVENT_CHAR_WIDTH = 5.6;

/**
 * Labels the events that have a label, left to right, each in the first row where it overlaps no label before it
 * (ending at its line when it would run past the right edge); an event with no room keeps its title for hover and
 * focus. No two labels ever overlap.
 */
export function placeEventLabels(events: PlacedEvent[], width: number): PlacedEvent[] {
  const ends = EVENT_LABEL_ROWS.map(() => -Infinity);
  return [...events]
    .sort((a, b) => a.x - b.x)
    .map((e) => {
      if (!e.label) return e;
      const w = e.label.length * EVENT_CHAR_WIDTH;
      const anchor = e.x + 3 + w > width ? ("end" as const) : ("start" as const);
      const [from, to] = anchor === "start" ? [e.x + 3, e.x + 3 + w] : [e.x - 3 - w, e.x - 3];
      const row = ends.findIndex((end) => from > end + 6);
      if (row < 0 || from < 0) return e;
      ends[row] = to;
      return { ...e, labelAt: { x: anchor === "start" ? e.x + 3 : e.x - 3, y: EVENT_LABEL_ROWS[row]!, anchor } };
    });
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
  const plotTop = bounds.margin.top + (options.axisTitle ? AXIS_TITLE_ROOM : 0);
  const innerWidth = bounds.width - bounds.margin.left - bounds.margin.right;
  const innerHeight = bounds.height - plotTop - bounds.margin.bottom;
  const all = lines.flatMap((s) => s.points);
  const [x0, x1] = extent([
    ...all.flatMap((p) => [p.start, p.end]),
    ...(all.length > 0 ? (options.extendTo ?? []) : []),
  ]);
  const x = scaleUtc()
    .domain([x0 ?? new Date(0), x1 ?? new Date(0)])
    .range([0, innerWidth]);
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
    const fine = points.filter((p) => !p.coarser);
    const path = own
      ? (toStackArea(
          [...own.entries()].map(([t, v]) => {
            const p = s.points.find((q) => !q.coarser && q.start.getTime() === t);
            return [p ? mid(p) : new Date(t), v] as [Date, [number, number]];
          }),
        ) ?? "")
      : (toPath(fine) ?? "");
    const ranged = own ? [] : s.points.filter((p) => !p.coarser && hasRange(p));
    return {
      key: s.key,
      label: s.label,
      interval: s.interval,
      color: s.total ? TOTAL_COLOR : colorAt(i),
      endLabel: null,
      points,
      path,
      band: ranged.length > 1 ? (toBand(ranged) ?? "") : "",
    };
  });

  const [d0, d1] = x.domain() as [Date, Date];
  // Events are labelled first: a span label gives way to an event's.
  const events = placeEventLabels(
    options.events
      .filter((e) => e.date >= d0 && e.date <= d1)
      .map((e) => ({ ...e, x: round(x(e.date)), labelAt: null })),
    innerWidth,
  );
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
