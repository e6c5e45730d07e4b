import { arcShape, boxesOverlap, headBox, type Box, type Point } from "./arc-shape.js";

/** An arc arriving at a point: where it comes from and its stroke width. */
export interface Arrival {
  from: Point;
  width: number;
}

/** Pixels kept between two arrowheads. */
const GAP = 2;
const TAU = 2 * Math.PI;

/** Whether no two boxes come within a pixel of each other (so that rounding to tenths never makes two touch). */
const disjoint = (boxes: Box[]) => {
  const grown = boxes.map((b) => ({ x0: b.x0 - 0.5, x1: b.x1 + 0.5, y0: b.y0 - 0.5, y1: b.y1 + 0.5 }));
  return grown.every((a, i) => grown.slice(i + 1).every((b) => !boxesOverlap(a, b)));
};

/**
 * Where arcs arriving at one point end, so that no two arrowheads overlap. A single arc ends at the point itself;
 * several end on a ring around it, each on the side its curve comes in from, moved apart in angle just enough, on a
 * ring just wide enough, that the boxes of their arrowheads are disjoint.
 */
export function fanArrivals(to: Point, arrivals: readonly Arrival[]): Point[] {
  if (arrivals.length < 2) return arrivals.map(() => to);
  const shapes = arrivals.map((a) => arcShape(a.from, to, a.width));
  // The side an arc comes in from: from the point towards its curve's control point.
  const sides = shapes.map(({ control }) => Math.atan2(control[1] - to[1], control[0] - to[0]));
  // How much of the ring a head takes: the diagonal of the rectangle around it, as it points.
  const sizes = shapes.map(({ base, head: [tip, left, right] }) =>
    Math.hypot(Math.hypot(left[0] - right[0], left[1] - right[1]), Math.hypot(tip[0] - base[0], tip[1] - base[1])),
  );
  // The ring widens while the heads do not fit around it; the heads move further apart while their boxes overlap
  // (boxes of heads pointing across the axes are wider than the heads).
  let radius = Math.max(...sizes) / 2 + GAP;
  let spacing = 1;
  let tips: Point[] = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    const angles = spreadAngles(
      sides,
      sizes.map((s) => ((s + GAP) * spacing) / radius),
    );
    if (!angles) {
      radius *= 1.15;
      continue;
    }
    tips = angles.map((a) => [to[0] + radius * Math.cos(a), to[1] + radius * Math.sin(a)]);
    if (disjoint(tips.map((tip, i) => headBox(arcShape(arrivals[i]!.from, tip, arrivals[i]!.width).head)))) break;
    spacing *= 1.15;
  }
  return tips.length > 0 ? tips : arrivals.map(() => to);
}

/**
 * Angles as near as can be to `wanted`, each taking `widths[i]` radians of the circle centred on it, none
 * overlapping another: the circle is cut at the widest gap between wanted angles, and along the cut circle each run
 * of crowded angles moves as one, centred where its members want to be. Null when the widths do not fit the circle.
 */
export function spreadAngles(wanted: readonly number[], widths: readonly number[]): number[] | null {
  const total = widths.reduce((s, w) => s + w, 0);
  if (total >= TAU) return null;
  const order = wanted.map((a, i) => ({ i, a: ((a % TAU) + TAU) % TAU })).sort((p, q) => p.a - q.a);
  // Start after the widest gap, so that the crowded side is not cut in two.
  let cut = 0;
  let widest = -1;
  order.forEach((p, k) => {
    const next = k + 1 < order.length ? order[k + 1]!.a : order[0]!.a + TAU;
    if (next - p.a > widest) [widest, cut] = [next - p.a, (k + 1) % order.length];
  });
  const line = [...order.slice(cut), ...order.slice(0, cut).map((p) => ({ ...p, a: p.a + TAU }))];
  // Runs of angles placed side by side: where each run starts, and its members' offsets from that start.
  const runs: { start: number; members: { i: number; a: number; offset: number }[]; width: number }[] = [];
  for (const p of line) {
    const w = widths[p.i]!;
    runs.push({ start: p.a - w / 2, members: [{ ...p, offset: w / 2 }], width: w });
    while (runs.length > 1 && runs.at(-2)!.start + runs.at(-2)!.width > runs.at(-1)!.start) {
      const last = runs.pop()!;
      const prev = runs.at(-1)!;
      prev.members.push(...last.members.map((m) => ({ ...m, offset: m.offset + prev.width })));
      prev.width += last.width;
      prev.start = prev.members.reduce((s, m) => s + m.a - m.offset, 0) / prev.members.length;
    }
  }
  const first = runs[0]!.start;
  const end = runs.at(-1)!.start + runs.at(-1)!.width;
  if (end - first > TAU) return null;
  const out: number[] = [];
  for (const run of runs) for (const m of run.members) out[m.i] = run.start + m.offset;
  return out;
}
