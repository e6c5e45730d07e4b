import type { SeriesQueryInput, SeriesResponse } from "@chipflow/core";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson, toSearch } from "./fetch-json.js";

/** Query keys of series: the whole query object is in the key. */
export const seriesKeys = {
  all: ["series"] as const,
  one: (query: SeriesQueryInput) => ["series", query] as const,
};

export function seriesQueryOptions(query: SeriesQueryInput) {
  return queryOptions({
    // While a changed view loads, the previous chart stays (dimmed) instead of a placeholder: no layout jump.
    placeholderData: keepPreviousData,
    queryKey: seriesKeys.one(query),
    queryFn: ({ signal }) =>
      fetchJson<SeriesResponse>(`/api/v1/series${toSearch(query as Record<string, string>)}`, signal),
  });
}
