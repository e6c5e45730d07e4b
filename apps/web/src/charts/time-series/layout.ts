import { extent, max } from "d3-array";
import { scaleLinear, scaleUtc } from "d3-scale";
import { line } from "d3-shape";
import { colorAt } from "../palette.js";
import type { LinePoint, LineSeries } from "./state.js";

export interface Bounds {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const defaultBounds: Bounds = { width: 720, height: 320, margin: { top: 16, right: 16, bottom: 32, left: 64 } };

export interface PlacedPoint extends LinePoint {
  x: number;
  /** Where a coarser figure's span starts and ends on the x axis. */
  x0: number;
  x1: number;
  y: number;
}

export interface PlacedSeries {
  key: string;
  label: string;
  color: string;
  path: string;
  points: PlacedPoint[];
}

export interface TimeSeriesLayout {
  series: PlacedSeries[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
  innerWidth: number;
  innerHeight: number;
}

const mid = (p: LinePoint) => new Date((p.start.getTime() + p.end.getTime()) / 2);

/** Places lines with d3 scales: x by the middle of each period, y from zero to the largest value. */
export function layoutTimeSeries(lines: LineSeries[], bounds: Bounds = defaultBounds): TimeSeriesLayout {
  const innerWidth = bounds.width - bounds.margin.left - bounds.margin.right;
  const innerHeight = bounds.height - bounds.margin.top - bounds.margin.bottom;
  const all = lines.flatMap((s) => s.points);
  const [x0, x1] = extent(all.flatMap((p) => [p.start, p.end]));
  const x = scaleUtc()
    .domain([x0 ?? new Date(0), x1 ?? new Date(0)])
    .range([0, innerWidth]);
  const y = scaleLinear()
    .domain([0, max(all, (p) => Math.max(p.value, p.high ?? 0)) ?? 1])
    .nice()
    .range([innerHeight, 0]);
  const toPath = line<PlacedPoint>()
    .x((p) => p.x)
    .y((p) => p.y);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    innerWidth,
    innerHeight,
    series: lines.map((s, i) => {
      const points = s.points.map((p) => ({
        ...p,
        x: round(x(mid(p))),
        x0: round(x(p.start)),
        x1: round(x(p.end)),
        y: round(y(p.value)),
      }));
      return {
        key: s.key,
        label: s.label,
        color: colorAt(i),
        points,
        path: toPath(points.filter((p) => !p.coarser)) ?? "",
      };
    }),
    xTicks: x.ticks(6).map((d) => ({ x: round(x(d)), label: String(d.getUTCFullYear()) })),
    yTicks: y.ticks(5).map((v) => ({ y: round(y(v)), value: v })),
  };
}
