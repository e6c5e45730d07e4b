import type { SeriesResponse } from "@chipflow/core";

/** The calendar years that hold at least one figure of a yearly series (figures for longer spans left out). */
export function toYearsWithFigures(response: SeriesResponse): number[] {
  const years = new Set<number>();
  for (const s of [...response.series, ...(response.total ? [response.total] : [])])
    for (const p of s.points) if (p.value !== null && !p.coarser) years.add(Number(p.periodStart.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}
