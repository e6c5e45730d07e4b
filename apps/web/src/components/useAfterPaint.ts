import { useEffect, useState } from "react";

/**
 * Whether `ready` has been true through one painted frame: for work that should wait until the first screen is
 * drawn (charts below it, their code and their requests). Once true it stays true. Should `ready` never come,
 * it turns true after `fallbackMs` all the same.
 */
export function useAfterPaint(ready: boolean, fallbackMs = 3000): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (after) return;
    if (!ready) {
      const timer = setTimeout(() => setAfter(true), fallbackMs);
      return () => clearTimeout(timer);
    }
    // The next frame paints what `ready` rendered; the task after it comes once that frame is on screen.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setAfter(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, after, fallbackMs]);
  return after;
}
