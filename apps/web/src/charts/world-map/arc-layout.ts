import { max } from "d3-array";
import { scaleSqrt } from "d3-scale";
import type { ArcDatum } from "./state.js";

type Point = [number, number];

/** An arc with its pixels: a curve from origin to destination and an arrowhead at the destination. */
export interface PlacedArc extends ArcDatum {
  from: Point;
  to: Point;
  /** A quadratic curve bending to the left of the direction of travel, so A → B and B → A stay apart. */
  path: string;
  /** The arrowhead: a triangle whose tip is the destination. */
  head: string;
  width: number;
}

export interface ArcLayout {
  arcs: PlacedArc[];
  /** Sample widths for the legend, largest first. */
  legend: { value: number; width: number }[];
  /** Arcs with an end the map cannot place. */
  unplaced: number;
}

const r = (n: number) => Math.round(n * 10) / 10;
const pt = ([x, y]: Point) => `${r(x)},${r(y)}`;

/**
 * Places each arc between its countries' points. Stroke width grows with the square root of the value (so area
 * reads as value), from 1 px to a maximum that grows with the map's width.
 */
export function layoutArcs(arcs: readonly ArcDatum[], points: Map<string, Point>, width: number): ArcLayout {
  const top = max(arcs, (a) => a.value) ?? 1;
  const widest = Math.max(4, Math.min(14, width / 70));
  const scale = scaleSqrt().domain([0, top]).range([0, widest]);
  const widthOf = (v: number) => r(Math.max(1, scale(v)));
  const placed: PlacedArc[] = [];
  for (const arc of arcs) {
    const from = points.get(arc.origin);
    const to = points.get(arc.destination);
    if (!from || !to) continue;
    const w = widthOf(arc.value);
    const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
    const length = Math.hypot(dx, dy) || 1;
    // The control point sits off the chord's middle, to the left of travel, by a quarter of the chord.
    const control: Point = [
      (from[0] + to[0]) / 2 + (dy / length) * length * 0.25,
      (from[1] + to[1]) / 2 - (dx / length) * length * 0.25,
    ];
    const [tx, ty] = [to[0] - control[0], to[1] - control[1]];
    const tangent = Math.hypot(tx, ty) || 1;
    const [ux, uy] = [tx / tangent, ty / tangent];
    const headLength = Math.min(4 + w * 1.5, length / 3);
    const half = 2 + w * 0.9;
    const base: Point = [to[0] - ux * headLength, to[1] - uy * headLength];
    const left: Point = [base[0] - uy * half, base[1] + ux * half];
    const right: Point = [base[0] + uy * half, base[1] - ux * half];
    placed.push({
      ...arc,
      from: [r(from[0]), r(from[1])],
      to: [r(to[0]), r(to[1])],
      path: `M${pt(from)}Q${pt(control)} ${pt(base)}`,
      head: `M${pt(to)}L${pt(left)}L${pt(right)}Z`,
      width: w,
    });
  }
  const legend = [1, 0.25, 0.04].map((t) => ({ value: top * t, width: widthOf(top * t) }));
  return { arcs: placed, legend, unplaced: arcs.length - placed.length };
}
