import type { BreakdownQueryInput, BreakdownResponse } from "@chipflow/core";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson, toSearch } from "./fetch-json.js";

/** One metric ranked over one dimension for a period. */
export function breakdownQueryOptions(query: BreakdownQueryInput) {
  return queryOptions({
    // While a changed view loads, the previous chart stays (dimmed) instead of a placeholder: no layout jump.
    placeholderData: keepPreviousData,
    queryKey: ["breakdown", query] as const,
    queryFn: ({ signal }) =>
      fetchJson<BreakdownResponse>(`/api/v1/breakdown${toSearch(query as Record<string, string>)}`, signal),
  });
}
