import type { BreakdownQueryInput, FlowsQueryInput, SeriesQueryInput } from "@chipflow/core";
import { toFilterParams, type ViewState } from "./view-state.js";

/** The series query of a view: at most 7 groups and "other", one palette colour each. */
export function toSeriesQuery(view: ViewState): SeriesQueryInput {
  return { metric: view.metric, groupBy: view.groupBy, interval: view.interval, top: 7, ...toFilterParams(view) };
}

/** The flows query of a view (Sankey and map), over the view's period. */
export function toFlowsQuery(view: ViewState): FlowsQueryInput {
  return { metric: view.metric, ...toFilterParams(view) };
}

/** The ranking query of a view: the top 12 groups of `rankBy` over the view's period. */
export function toBreakdownQuery(view: ViewState): BreakdownQueryInput {
  return { metric: view.metric, groupBy: view.rankBy, top: 12, ...toFilterParams(view) };
}
