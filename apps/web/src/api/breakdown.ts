import type { BreakdownQueryInput, BreakdownResponse } from "@chipflow/core";
import { queryOptions } from "@tanstack/react-query";
import { fetchJson, toSearch } from "./fetch-json.js";

/** One metric ranked over one dimension for a period. */
export function breakdownQueryOptions(query: BreakdownQueryInput) {
  return queryOptions({
    queryKey: ["breakdown", query] as const,
    queryFn: ({ signal }) =>
      fetchJson<BreakdownResponse>(`/api/v1/breakdown${toSearch(query as Record<string, string>)}`, signal),
  });
}
