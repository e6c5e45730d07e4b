import { useLayoutEffect, useRef, useState } from "react";

/**
 * The content width of an element, kept up to date as the window resizes (charts redraw to fit, text stays legible),
 * and whether it has been measured yet: it is measured before the browser first paints the element, so a chart need
 * not be laid out for `fallback` first and then again for its real width.
 */
export function useElementWidth<T extends HTMLElement>(fallback = 720) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.round(element.clientWidth) || fallback);
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry!.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width ?? fallback, width !== null] as const;
}
