import type { EstimateKind, SeriesResponse } from "@chipflow/core";

/** A point of a line, before any pixels: the period it covers and its value. */
export interface LinePoint {
  start: Date;
  end: Date;
  label: string;
  value: number;
  low: number | null;
  high: number | null;
  coarser: boolean;
  estimateKind: EstimateKind;
  sourceIds: number[];
  alternatives: number;
}

export interface LineSeries {
  key: string;
  label: string;
  points: LinePoint[];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Turns an API series response into lines: points without a value are dropped, and so is any series left
 * with none. Pure: no scales, no pixels.
 */
export function toLineSeries(response: SeriesResponse): LineSeries[] {
  return response.series
    .map((s) => ({
      key: s.key,
      label: s.label,
      points: s.points
        .filter((p) => p.value !== null)
        .map((p) => ({
          start: day(p.periodStart),
          end: day(p.periodEnd),
          label: p.label,
          value: p.value!,
          low: p.low,
          high: p.high,
          coarser: p.coarser,
          estimateKind: p.estimateKind,
          sourceIds: p.sourceIds,
          alternatives: p.alternatives.length,
        })),
    }))
    .filter((s) => s.points.length > 0);
}
