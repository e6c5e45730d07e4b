import type { FactsResponse } from "@chipflow/core";
import { queryOptions } from "@tanstack/react-query";
import { fetchJson, toSearch } from "../api/fetch-json.js";
import { FILTER_KEYS, toFilterParams, type FilterKey, type ViewState } from "./view-state.js";

/** A restriction of a view that can leave out every figure: one filter, or the period. */
export type Restriction = FilterKey | "period";

/** The restrictions a view sets, filters first in the filter bar's order, then the period. */
export function restrictionsOf(view: ViewState): Restriction[] {
  return [
    ...FILTER_KEYS.filter((k) => view.filters[k].length > 0),
    ...(view.from || view.to ? ["period" as const] : []),
  ];
}

/** The view without one restriction. */
export function withoutRestriction(view: ViewState, r: Restriction): ViewState {
  return r === "period"
    ? { ...view, from: undefined, to: undefined }
    : { ...view, filters: { ...view.filters, [r]: [] } };
}

/**
 * Whether the view's metric has any figure once `r` is lifted: one fact of the facts endpoint answers it.
 * The key holds the whole question, so each answer is asked once and shared by every chart.
 */
export function figuresWithoutOptions(view: ViewState, r: Restriction) {
  const params = { metric: view.metric, limit: "1", ...toFilterParams(withoutRestriction(view, r)) };
  return queryOptions({
    queryKey: ["figures-without", params] as const,
    queryFn: async ({ signal }) =>
      (await fetchJson<FactsResponse>(`/api/v1/facts${toSearch(params)}`, signal)).facts.length > 0,
    staleTime: 60_000,
  });
}
