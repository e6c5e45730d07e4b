import { z } from "zod";
import { enumParam, flagParam } from "./query-params.js";

/**
 * Parameters every route with a CSV rendering accepts. The CSV comes from the same query as the JSON.
 * - `format`: `json` (default) or `csv`; a `.csv` suffix on the path means the same as `format=csv`.
 * - `bom`: `1` starts the CSV with a UTF-8 byte-order mark so that Excel reads it as UTF-8.
 * - `part`: `data` (default) or `sources`: the sources behind the same rows, as CSV (see `SOURCE_CSV_COLUMNS`).
 */
export const exportParamsSchema = z.object({
  format: enumParam(["json", "csv"], "format").default("json"),
  bom: flagParam,
  part: enumParam(["data", "sources"], "part").default("data"),
});
export type ExportParams = z.output<typeof exportParamsSchema>;

/** The columns of a sources CSV (the `part=sources` companion of every CSV download). */
export const SOURCE_CSV_COLUMNS = [
  "source_id",
  "publisher",
  "title",
  "date",
  "url",
  "locator",
  "type",
  "notes",
] as const;
