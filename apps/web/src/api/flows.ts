import { METRICS, type FlowsQueryInput, type FlowsResponse, type Metric } from "@chipflow/core";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson, toSearch } from "./fetch-json.js";

/**
 * Whether a metric can be drawn as flows: only one that adds up. A share or a price is one vendor's own figure,
 * never summed across vendors, places or products; the API refuses such flows, so they are not asked for.
 */
export const canFlow = (metric: Metric): boolean => METRICS[metric].aggregation === "sum";

/** A flows query that names its metric, as the views' queries do. */
export type FlowsQueryOfView = FlowsQueryInput & { metric: Metric };

/** Flows over a period: the Sankey (vendor → product → destination) and the map's origin → destination links. */
export function flowsQueryOptions(query: FlowsQueryOfView) {
  return queryOptions({
    // While a changed view loads, the previous chart stays (dimmed) instead of a placeholder: no layout jump.
    placeholderData: keepPreviousData,
    queryKey: ["flows", query] as const,
    queryFn: ({ signal }) =>
      fetchJson<FlowsResponse>(`/api/v1/flows${toSearch(query as Record<string, string>)}`, signal),
    enabled: canFlow(query.metric),
  });
}
