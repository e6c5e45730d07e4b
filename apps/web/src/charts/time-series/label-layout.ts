import type { Bounds, PlacedEvent, PlacedPoint, PlacedSeries, TimeSeriesLayout } from "./layout.js";

/*
 * Where the time series' labels go: span labels, names at the line ends, event labels in their rows, and the boxes
 * of the axis labels, so that no two overlap.
 */

const round = (n: number) => Math.round(n * 10) / 10;

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
export const EVENT_CHAR_WIDTH = 5.6;

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
