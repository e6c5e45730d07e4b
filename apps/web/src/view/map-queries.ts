import type { SeriesQueryInput } from "@chipflow/core";
import type { FlowsQueryOfView } from "../api/flows.js";
import { toFilterParams, type ViewState } from "./view-state.js";

/** The view's filters as the map uses them: its own category and year replace the view's category and period. */
export function toMapFilterParams(view: ViewState, withYear = true): Record<string, string> {
  const params = toFilterParams(view);
  if (view.mapCategory === "all") delete params.category;
  else if (view.mapCategory) params.category = view.mapCategory;
  if (withYear && view.mapYear !== undefined) {
    params.from = `${view.mapYear}-01-01`;
    params.to = `${view.mapYear}-12-31`;
  } else if (!withYear) {
    delete params.from;
    delete params.to;
  }
  return params;
}

/** The map's flows: origin → destination links of the view's metric in the map's category and year. */
export function toMapFlowsQuery(view: ViewState): FlowsQueryOfView {
  return { metric: view.metric, ...toMapFilterParams(view) };
}

/** Which years the map's timeline steps through: the view's figures per year in the map's category, any period. */
export function toMapYearsQuery(view: ViewState): SeriesQueryInput {
  return { metric: view.metric, groupBy: "destination", interval: "year", top: 1, ...toMapFilterParams(view, false) };
}
