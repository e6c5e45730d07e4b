import type { Bounds } from "../../charts/time-series/layout.js";

/** Chart bounds for a container width: shorter and with a narrower margin on phones. */
export function chartBounds(width: number): Bounds {
  const w = Math.max(280, Math.round(width));
  const narrow = w < 520;
  return {
    width: w,
    height: narrow ? 260 : Math.min(380, Math.round(w * 0.42)),
    margin: { top: 16, right: narrow ? 8 : 16, bottom: 32, left: narrow ? 52 : 64 },
  };
}
