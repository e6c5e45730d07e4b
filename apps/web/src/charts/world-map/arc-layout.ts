import { max } from "d3-array";
import { scaleSqrt } from "d3-scale";
import { arcShape, headBox, type Box, type Point } from "./arc-shape.js";
import { fanArrivals } from "./arrival-fan.js";
import type { ArcDatum } from "./state.js";

/** An arc with its pixels: a curve from origin to destination and an arrowhead at the destination. */
export interface PlacedArc extends ArcDatum {
  /** The origin's and the destination's points. */
  from: Point;
  to: Point;
  /** Where the arrowhead's tip is: the destination's point, or beside it when several arcs arrive there. */
  tip: Point;
  /** A quadratic curve bending to the left of the direction of travel, so A → B and B → A stay apart. */
  path: string;
  /** The arrowhead: a triangle whose tip is `tip`. */
  head: string;
  /** The box around the arrowhead. */
  headBox: Box;
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
 * reads as value), from 1 px to a maximum that grows with the map's width. Where several arcs arrive at one country
 * their arrowheads are fanned around its point, each on the side its arc comes in from, none overlapping another.
 */
export function layoutArcs(arcs: readonly ArcDatum[], points: Map<string, Point>, width: number): ArcLayout {
  const top = max(arcs, (a) => a.value) ?? 1;
  const widest = Math.max(4, Math.min(14, width / 70));
  const scale = scaleSqrt().domain([0, top]).range([0, widest]);
  const widthOf = (v: number) => r(Math.max(1, scale(v)));
  const drawn = arcs.flatMap((arc) => {
    const from = points.get(arc.origin);
    const to = points.get(arc.destination);
    return from && to ? [{ arc, from, to, width: widthOf(arc.value) }] : [];
  });
  // Arcs into one country end around it, each on its own side, so that their arrowheads never overlap.
  const tips = new Map<(typeof drawn)[number], Point>();
  for (const destination of new Set(drawn.map((d) => d.arc.destination))) {
    const into = drawn.filter((d) => d.arc.destination === destination);
    fanArrivals(into[0]!.to, into).forEach((tip, i) => tips.set(into[i]!, tip));
  }
  const placed: PlacedArc[] = drawn.map((d) => {
    const { arc, from, to, width } = d;
    const tip = tips.get(d)!;
    const { control, base, head } = arcShape(from, tip, width);
    const [, left, right] = head;
    const box = headBox(head);
    return {
      ...arc,
      from: [r(from[0]), r(from[1])],
      to: [r(to[0]), r(to[1])],
      tip: [r(tip[0]), r(tip[1])],
      path: `M${pt(from)}Q${pt(control)} ${pt(base)}`,
      head: `M${pt(tip)}L${pt(left)}L${pt(right)}Z`,
      headBox: { x0: r(box.x0), x1: r(box.x1), y0: r(box.y0), y1: r(box.y1) },
      width,
    };
  });
  const legend = [1, 0.25, 0.04].map((t) => ({ value: top * t, width: widthOf(top * t) }));
  return { arcs: placed, legend, unplaced: arcs.length - placed.length };
}
