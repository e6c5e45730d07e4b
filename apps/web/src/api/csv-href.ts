import { toSearch } from "./fetch-json.js";

/** The link to the API's CSV export of the same query a chart reads (`/api/v1/<resource>.csv?...`). */
export function toCsvHref(
  resource: "series" | "breakdown" | "flows" | "facts",
  params: Record<string, string | undefined>,
) {
  return `/api/v1/${resource}.csv${toSearch(params)}`;
}
