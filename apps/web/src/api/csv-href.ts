import { toApiHref, type ApiResource } from "./api-href.js";

/**
 * The link to the API's CSV export of the same query a chart reads (`/api/v1/<resource>.csv?...`), with a UTF-8
 * byte-order mark so that Excel reads accented names right.
 */
export function toCsvHref(resource: ApiResource, params: Record<string, string | number | undefined>) {
  return toApiHref(resource, { ...params, bom: "1" }, "csv");
}
