import type { Bounds } from "../../charts/time-series/layout.js";
import { chartBounds } from "./chart-bounds.js";

/** Story charts are half the width of the page: their lines are named at their ends from this width up. */
export const STORY_END_LABELS = 420;

/** A story chart's bounds for its container's width: no taller than half its width, room for line-end names. */
export function storyBounds(width: number, endLabels: boolean): Bounds {
  const b = chartBounds(width);
  const w = b.width;
  return {
    ...b,
    height: w < 520 ? 260 : Math.min(320, Math.round(w * 0.5)),
    margin: { ...b.margin, right: endLabels && w >= STORY_END_LABELS ? 120 : b.margin.right },
  };
}
