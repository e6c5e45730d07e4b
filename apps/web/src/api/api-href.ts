import { toSearch } from "./fetch-json.js";

/** The API resources a chart reads, each answering JSON at `/api/v1/<resource>` and CSV at `.csv`. */
export type ApiResource = "series" | "breakdown" | "flows" | "facts";

/** The API's URL of a query, as JSON (what the chart reads) or as CSV (the same query, one row per figure). */
export function toApiHref(
  resource: ApiResource,
  params: Record<string, string | number | undefined>,
  format: "json" | "csv" = "json",
) {
  return `/api/v1/${resource}${format === "csv" ? ".csv" : ""}${toSearch(params)}`;
}
