import type { Bounds } from "../../charts/time-series/layout.js";

/** Whether a chart this wide names its lines at their ends (on phones the legend alone does). */
export const labelsLineEnds = (width: number) => Math.round(width) >= 720;

/**
 * Chart bounds for a container width: shorter and with a narrower margin on phones; wide enough on the right for
 * the lines' names where the chart writes them at the line ends.
 */
export function chartBounds(width: number): Bounds {
  const w = Math.max(280, Math.round(width));
  const narrow = w < 520;
  return {
    width: w,
    height: narrow ? 260 : Math.min(380, Math.round(w * 0.42)),
    margin: { top: 16, right: labelsLineEnds(w) ? 120 : narrow ? 8 : 16, bottom: 32, left: narrow ? 52 : 64 },
  };
}
