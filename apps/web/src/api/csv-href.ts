import { toSearch } from "./fetch-json.js";

/**
 * The link to the API's CSV export of the same query a chart reads (`/api/v1/<resource>.csv?...`), with a UTF-8
 * byte-order mark so that Excel reads accented names right.
 */
export function toCsvHref(
  resource: "series" | "breakdown" | "flows" | "facts",
  params: Record<string, string | undefined>,
) {
  return `/api/v1/${resource}.csv${toSearch({ ...params, bom: "1" })}`;
}
