import type { SummaryResponse } from "@chipflow/core";
import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "./fetch-json.js";

/** The overview's headline tiles, each with its figure, range, kind and sources. */
export function summaryQueryOptions() {
  return queryOptions({
    queryKey: ["summary"] as const,
    queryFn: ({ signal }) => fetchJson<SummaryResponse>("/api/v1/summary", signal),
  });
}
