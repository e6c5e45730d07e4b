import type { BreakdownResponse, EstimateKind } from "@chipflow/core";

export interface RankedBar {
  key: string;
  label: string;
  value: number;
  low: number | null;
  high: number | null;
  share: number | null;
  estimateKind: EstimateKind;
  sourceIds: number[];
  /** Competing estimates, drawn as their own marks and never added to the bar. */
  alternatives: { value: number; sourceId: number; estimateKind: EstimateKind }[];
}

/** Ranked bars from a breakdown, largest first; groups known only as a range (no value) are left out. */
export function toRankedBars(response: BreakdownResponse): RankedBar[] {
  return response.rows
    .filter((r) => r.value !== null)
    .sort((a, b) => b.value! - a.value! || a.rank - b.rank)
    .map((r) => ({
      key: r.key,
      label: r.label,
      value: r.value!,
      low: r.low,
      high: r.high,
      share: r.share,
      estimateKind: r.estimateKind,
      sourceIds: r.sourceIds,
      alternatives: r.alternatives
        .filter((a) => a.value !== null)
        .map((a) => ({ value: a.value!, sourceId: a.sourceId, estimateKind: a.estimateKind })),
    }));
}
