import type { PolicyEvent } from "@chipflow/core";
import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "./fetch-json.js";

/** Every export-control and market event; time axes pick the ones inside their span. */
export function eventsQueryOptions() {
  return queryOptions({
    queryKey: ["events"] as const,
    queryFn: ({ signal }) => fetchJson<{ events: PolicyEvent[] }>("/api/v1/events", signal),
    staleTime: Infinity,
  });
}
