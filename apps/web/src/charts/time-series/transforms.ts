import type { MetricAggregation } from "@chipflow/core";
import type { LinePoint, LineSeries } from "./state.js";

/**
 * What the time series draws of its figures: the values as fetched, each line as an index of its first figure
 * (= 100), or each line's share of the total at each period. Transforms of the fetched data, never new figures.
 */
export const SERIES_MODES = ["values", "indexed", "share"] as const;
export type SeriesMode = (typeof SERIES_MODES)[number];

export const MODE_LABELS: Record<SeriesMode, string> = {
  values: "Values",
  indexed: "Indexed (first = 100)",
  share: "Share of total",
};

/** What a chart needs to know of its metric to tell which transforms make sense. */
export interface MetricFacts {
  unit: string;
  aggregation: MetricAggregation;
  /** The product categories a units metric counts (more than one never add up). */
  categories: string[];
}

const byStart = (a: LinePoint, b: LinePoint) =>
  a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime();

/** The first figure of a line in time, the base of its index. */
export function firstPoint(line: LineSeries): LinePoint | undefined {
  return [...line.points].sort(byStart)[0];
}

/**
 * Why a mode cannot be drawn for this metric and these lines, or null when it can. Indexing suits flows and levels
 * with a positive first figure, never percentages (already relative); a share needs figures that add up (one
 * product category for units) and something to be a share of.
 */
export function modeUnavailable(
  mode: SeriesMode,
  metric: MetricFacts,
  lines: LineSeries[],
  hasTotal: boolean,
): string | null {
  if (mode === "values") return null;
  if (mode === "indexed") {
    if (metric.unit === "%") return "Percentages are not indexed: a change in a share reads directly on its axis";
    const bad = lines.find((l) => (firstPoint(l)?.shown ?? 0) <= 0);
    return bad ? `${bad.label}'s first figure is not positive, so it cannot be the base of an index` : null;
  }
  if (metric.aggregation !== "sum") return "This metric does not add up, so it has no total to take a share of";
  if (metric.categories.length > 1) return "Units of different product categories never add up to one total";
  if (lines.filter((l) => !l.total).length < 2 && !hasTotal)
    return "One line is all of its own total: a share needs more lines or a reported World total";
  return null;
}

/** The point as drawn in a transformed mode: a level (never spread over intervals), with the fetched figure kept. */
function rescaled(p: LinePoint, factor: number): LinePoint {
  const per = (v: number | null) => (v === null ? null : (v / p.intervals) * factor);
  return {
    ...p,
    value: p.shown * factor,
    shown: p.shown * factor,
    intervals: 1,
    low: per(p.low),
    high: per(p.high),
    figure: p.figure ?? p.value,
    alternatives: p.alternatives.map((a) => ({
      ...a,
      value: (a.value / p.intervals) * factor,
      low: per(a.low),
      high: per(a.high),
    })),
  };
}

export interface IndexedLines {
  lines: LineSeries[];
  /** The label of the period each line is indexed to, by line key ("FY2021", "2019 Q1"). */
  bases: Map<string, string>;
}

/**
 * Each line divided by its first figure in the view, ×100: lines of any size start at 100 and their growth reads
 * alike. A figure for a longer period counts at its rate per interval, as drawn. Lines whose first figure is not
 * positive are left out (callers offer the mode only when there are none).
 */
export function toIndexed(lines: LineSeries[]): IndexedLines {
  const bases = new Map<string, string>();
  const out: LineSeries[] = [];
  for (const line of lines) {
    const base = firstPoint(line);
    if (!base || base.shown <= 0) continue;
    bases.set(line.key, base.label);
    out.push({ ...line, points: line.points.map((p) => rescaled(p, 100 / base.shown)) });
  }
  return { lines: out, bases };
}

export interface ShareLines {
  lines: LineSeries[];
  /** What each share is of: World's reported total, or the sum of the lines at each period. */
  denominator: "world" | "lines";
  /** Figures left out for want of a World total at their period. */
  leftOut: number;
}

const periodKey = (p: LinePoint) => `${p.start.getTime()}/${p.end.getTime()}`;

/**
 * Each line's share (%) of the total at each period (a figure for a longer period against the others' figures of
 * that same period). The total is World's reported figure where the response has one, never the sum of the lines
 * with World among them; without one, it is the sum of the lines shown. With a World total, a figure of a period
 * World does not report is left out, and counted.
 */
export function toShares(lines: LineSeries[], world: LineSeries | null): ShareLines {
  const parts = lines.filter((l) => !l.total);
  const totals = new Map<string, number>();
  if (world) for (const p of world.points) totals.set(periodKey(p), p.value);
  else
    for (const p of parts.flatMap((l) => l.points)) totals.set(periodKey(p), (totals.get(periodKey(p)) ?? 0) + p.value);
  let leftOut = 0;
  const out = parts
    .map((line) => ({
      ...line,
      points: line.points.flatMap((p) => {
        const total = totals.get(periodKey(p));
        if (total === undefined || total <= 0) {
          leftOut++;
          return [];
        }
        return [rescaled({ ...p, shown: p.value, intervals: 1 }, 100 / total)];
      }),
    }))
    .filter((l) => l.points.length > 0);
  return { lines: out, denominator: world ? "world" : "lines", leftOut };
}

/**
 * The lines a log axis can draw: figures at or below zero have no place on it and are left out (and counted), as
 * are competing estimates at or below zero; a low end at or below zero drops the point's range.
 */
export function forLogScale(lines: LineSeries[]): { lines: LineSeries[]; leftOut: number } {
  let leftOut = 0;
  const out = lines
    .map((line) => ({
      ...line,
      points: line.points.flatMap((p) => {
        if (!(p.shown > 0)) {
          leftOut++;
          return [];
        }
        const ranged = p.low !== null && p.low > 0;
        return [
          {
            ...p,
            low: ranged ? p.low : null,
            high: ranged ? p.high : null,
            alternatives: p.alternatives.filter((a) => a.value > 0),
          },
        ];
      }),
    }))
    .filter((l) => l.points.length > 0);
  return { lines: out, leftOut };
}

/**
 * The y axis' title: the unit of what is drawn. Values carry the metric's own unit ("USD", "EUR", "units") (one currency per metric, never
 * two on an axis); an index names its base period; a share says what it is a share of.
 */
export function axisTitle(
  mode: SeriesMode,
  unit: string,
  options: { bases?: Map<string, string>; denominator?: ShareLines["denominator"]; log?: boolean } = {},
): string {
  const base = [...new Set(options.bases?.values() ?? [])];
  const title =
    mode === "indexed"
      ? base.length === 1
        ? `index (${base[0]} = 100)`
        : "index (each line's first period = 100)"
      : mode === "share"
        ? options.denominator === "world"
          ? "% of World total"
          : "% of total"
        : unit;
  return options.log ? `${title}, log scale` : title;
}

/** The unit values are written in, once transformed: an index has none, a share is a percentage. */
export function modeUnit(mode: SeriesMode, unit: string): string {
  return mode === "indexed" ? "index" : mode === "share" ? "%" : unit;
}

/**
 * Whether a point's figure covers a fiscal period: its name says so ("FY2025", "Q3 FY2025"), or it is a quarter,
 * half or year that does not start on the first of a month (a 52- or 53-week fiscal year).
 */
export function isFiscal(p: Pick<LinePoint, "label" | "start" | "granularity">): boolean {
  if (/\bFY\s?\d|\bfiscal\b/i.test(p.label)) return true;
  return (
    (p.granularity === "quarter" || p.granularity === "half" || p.granularity === "year") && p.start.getUTCDate() !== 1
  );
}

/** What the x axis holds: calendar periods, fiscal periods at their own dates, or both. */
export function periodNote(lines: LineSeries[]): string {
  const points = lines.flatMap((l) => l.points);
  const fiscal = points.filter(isFiscal).length;
  if (fiscal === 0) return "calendar periods";
  if (fiscal === points.length) return "fiscal periods shown at their own dates";
  return "fiscal periods shown at their own dates, beside calendar ones";
}
