import type { BreakdownQueryInput, FlowsQueryInput, SeriesQueryInput } from "@chipflow/core";
import type { FlowsQueryOfView } from "../api/flows.js";
import { toFilterParams, type ViewState } from "./view-state.js";

/** The series query of a view: at most 7 groups and "other", one palette colour each. */
export function toSeriesQuery(view: ViewState): SeriesQueryInput {
  return { metric: view.metric, groupBy: view.groupBy, interval: view.interval, top: 7, ...toFilterParams(view) };
}

/**
 * Where the Sankey opens: NVIDIA's revenue from China over its fiscal 2025 (February 2024 to January 2025), on the
 * customer-headquarters basis, with the analysts' H20 estimates that itemise part of it.
 */
export const ITEMISED_FLOWS = {
  label: "NVIDIA → China, fiscal 2025 (customer headquarters basis)",
  query: {
    metric: "revenue_usd",
    vendor: "nvidia",
    destination: "CHN",
    dataset: "nvidia-geo-hq,ai-chip-estimates",
    from: "2024-01-01",
    to: "2025-01-31",
  },
} as const satisfies { label: string; query: FlowsQueryInput };

/** The flows query of a view (the Sankey), over the view's period; or the itemised example the Sankey opens on. */
export function toFlowsQuery(view: ViewState): FlowsQueryOfView {
  return view.itemisedFlows ? { ...ITEMISED_FLOWS.query } : { metric: view.metric, ...toFilterParams(view) };
}

/** The ranking query of a view: the top 12 groups of `rankBy` over the view's period. */
export function toBreakdownQuery(view: ViewState): BreakdownQueryInput {
  return { metric: view.metric, groupBy: view.rankBy, top: 12, ...toFilterParams(view) };
}
