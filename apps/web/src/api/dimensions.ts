import type { Dimensions } from "@chipflow/core";
import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "./fetch-json.js";

/** What can be filtered on: vendors, products, countries, buyers, datasets, metrics. Rarely changes. */
export function dimensionsQueryOptions() {
  return queryOptions({
    queryKey: ["dimensions"] as const,
    queryFn: ({ signal }) => fetchJson<Dimensions>("/api/v1/dimensions", signal),
    staleTime: Infinity,
  });
}
