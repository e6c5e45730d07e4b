import { EVENT_CHAR_WIDTH } from "./label-layout.js";
import type { PlacedEvent } from "./layout.js";

/** A band row is one 10px label high with 3px between rows; the lowest row's baseline stands this far above the plot. */
export const BAND_ROW_PITCH = 13;
const LOWEST_BASELINE = 14;
/** Room kept above the band's top row. */
const BAND_TOP_GAP = 4;

/** The height a band of `rows` rows takes above the plot (nothing for no rows). */
export const bandHeight = (rows: number) =>
  rows === 0 ? 0 : LOWEST_BASELINE + (rows - 1) * BAND_ROW_PITCH + BAND_TOP_GAP;

interface Span {
  from: number;
  to: number;
  x: number;
  row: number;
}

/**
 * Labels every event that has a label, in a band of rows above the plot (for a chosen few events, such as a story's
 * milestones: none is left out, and none is written over the data). Rows count up from the plot's top; an event's
 * dashed line rises to its label's row and never through another label. Each label starts at its line (or, past the
 * right edge, ends there) and takes the lowest row where it overlaps no label and crosses no line; at most `maxRows`
 * rows (a label with no room keeps its title for hover and focus).
 * Label `y` are baselines relative to the plot's top (negative: above it); `rows` is how many rows the band took.
 */
export function placeEventLabelBand(
  events: PlacedEvent[],
  width: number,
  maxRows: number,
): { events: PlacedEvent[]; rows: number } {
  const placed: Span[] = [];
  const clear = (s: Omit<Span, "row">, row: number) =>
    placed.every(
      (p) =>
        (p.row !== row || s.from > p.to + 6 || s.to < p.from - 6) &&
        // A line rising past this row to a label above, or this line rising past a label below.
        (p.row <= row || p.x < s.from || p.x > s.to) &&
        (p.row >= row || s.x < p.from || s.x > p.to),
    );
  // Labels that start at their line stack up from right to left, those that end at it from left to right: so a line
  // rises beside the labels below it, never through one.
  const spans = events.flatMap((e) => {
    if (!e.label) return [];
    const w = e.label.length * EVENT_CHAR_WIDTH;
    const anchor = e.x + 3 + w > width ? ("end" as const) : ("start" as const);
    const span = anchor === "start" ? { from: e.x + 3, to: e.x + 3 + w } : { from: e.x - 3 - w, to: e.x - 3 };
    return [{ e, anchor, ...span, x: e.x }];
  });
  const order = [
    ...spans.filter((s) => s.anchor === "start").sort((a, b) => b.x - a.x),
    ...spans.filter((s) => s.anchor === "end").sort((a, b) => a.x - b.x),
  ];
  const labelled = new Map<PlacedEvent, PlacedEvent["labelAt"]>();
  for (const s of order) {
    if (s.from < 0) continue;
    const row = Array.from({ length: maxRows }, (_, r) => r).find((r) => clear(s, r));
    if (row === undefined) continue;
    placed.push({ from: s.from, to: s.to, x: s.x, row });
    const y = -(LOWEST_BASELINE + row * BAND_ROW_PITCH);
    labelled.set(s.e, { x: s.anchor === "start" ? s.x + 3 : s.x - 3, y, anchor: s.anchor });
  }
  const out = [...events]
    .sort((a, b) => a.x - b.x)
    .map((e) => (labelled.has(e) ? { ...e, labelAt: labelled.get(e)! } : e));
  return { events: out, rows: placed.length === 0 ? 0 : Math.max(...placed.map((p) => p.row)) + 1 };
}
