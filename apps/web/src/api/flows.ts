import type { FlowsQueryInput, FlowsResponse } from "@chipflow/core";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson, toSearch } from "./fetch-json.js";

/** Flows over a period: the Sankey (vendor → product → destination) and the map's origin → destination links. */
export function flowsQueryOptions(query: FlowsQueryInput) {
  return queryOptions({
    // While a changed view loads, the previous chart stays (dimmed) instead of a placeholder: no layout jump.
    placeholderData: keepPreviousData,
    queryKey: ["flows", query] as const,
    queryFn: ({ signal }) =>
      fetchJson<FlowsResponse>(`/api/v1/flows${toSearch(query as Record<string, string>)}`, signal),
  });
}
