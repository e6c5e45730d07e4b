export type Point = [number, number];

/** A box in pixels: x from `x0` to `x1`, y from `y0` (top) to `y1`. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** An arc's shape: the curve's control point, where the curve meets the arrowhead, and the arrowhead's corners. */
export interface ArcShape {
  control: Point;
  /** The middle of the arrowhead's base, where the curve ends. */
  base: Point;
  /** The arrowhead: its tip, then its two back corners. */
  head: [Point, Point, Point];
}

/**
 * A quadratic curve from `from` to `tip` bending to the left of the direction of travel by a quarter of the chord (so
 * A → B and B → A stay apart), ending in an arrowhead whose size grows with the stroke width `w`.
 */
export function arcShape(from: Point, tip: Point, w: number): ArcShape {
  const [dx, dy] = [tip[0] - from[0], tip[1] - from[1]];
  const length = Math.hypot(dx, dy) || 1;
  const control: Point = [(from[0] + tip[0]) / 2 + dy * 0.25, (from[1] + tip[1]) / 2 - dx * 0.25];
  const [tx, ty] = [tip[0] - control[0], tip[1] - control[1]];
  const tangent = Math.hypot(tx, ty) || 1;
  const [ux, uy] = [tx / tangent, ty / tangent];
  const headLength = Math.min(4 + w * 1.5, length / 3);
  const half = 2 + w * 0.9;
  const base: Point = [tip[0] - ux * headLength, tip[1] - uy * headLength];
  const left: Point = [base[0] - uy * half, base[1] + ux * half];
  const right: Point = [base[0] + uy * half, base[1] - ux * half];
  return { control, base, head: [tip, left, right] };
}

/** The box around an arrowhead's three corners. */
export function headBox(head: readonly Point[]): Box {
  const xs = head.map((p) => p[0]);
  const ys = head.map((p) => p[1]);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/** Whether two boxes overlap (touching is not overlapping). */
export const boxesOverlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
