import { max } from "d3-array";
import { scaleBand, scaleLinear } from "d3-scale";
import type { RankedBar } from "./state.js";

export interface RankingBounds {
  width: number;
  /** Room for the labels left of the bars. */
  labelWidth: number;
  rowHeight: number;
}

export interface PlacedBar extends RankedBar {
  y: number;
  height: number;
  width: number;
  /** Range whisker ends, null without a range. */
  lowX: number | null;
  highX: number | null;
  alternativeXs: number[];
}

export interface RankingLayout {
  bars: PlacedBar[];
  height: number;
  innerWidth: number;
  xTicks: { x: number; value: number }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Horizontal bars from zero, one row each; x reaches the largest value, high or competing estimate. */
export function layoutRanking(bars: RankedBar[], bounds: RankingBounds): RankingLayout {
  const innerWidth = Math.max(60, bounds.width - bounds.labelWidth - 56);
  const height = bars.length * bounds.rowHeight;
  const x = scaleLinear()
    .domain([0, max(bars, (b) => Math.max(b.value, b.high ?? 0, ...b.alternatives.map((a) => a.value))) || 1])
    .nice()
    .range([0, innerWidth]);
  const y = scaleBand()
    .domain(bars.map((b) => b.key))
    .range([0, height])
    .padding(0.2);
  return {
    height,
    innerWidth,
    xTicks: x.ticks(Math.max(2, Math.floor(innerWidth / 90))).map((v) => ({ x: round(x(v)), value: v })),
    bars: bars.map((b) => ({
      ...b,
      y: round(y(b.key)!),
      height: round(y.bandwidth()),
      width: round(x(b.value)),
      lowX: b.low !== null && b.high !== null && b.high > b.low ? round(x(b.low)) : null,
      highX: b.low !== null && b.high !== null && b.high > b.low ? round(x(b.high)) : null,
      alternativeXs: b.alternatives.map((a) => round(x(a.value))),
    })),
  };
}
