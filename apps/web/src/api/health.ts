import type { Health } from "@chipflow/core";
import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "./fetch-json.js";

/** The data's version and the time of its last import, which a citation names. */
export function healthQueryOptions() {
  return queryOptions({
    queryKey: ["health"] as const,
    queryFn: ({ signal }) => fetchJson<Health>("/api/health", signal),
  });
}
