import { z } from "zod";
import { isCountryCode } from "./countries.js";
import { GROUP_BYS } from "./enums.js";
import { METRIC_IDS, type Metric } from "./metrics.js";
import { INTERVALS, isIsoDate } from "./periods.js";

/** A comma-separated or repeated query parameter, as a list of trimmed values. */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  );
const countryList = list.refine((codes) => codes.every(isCountryCode), {
  message: "expected ISO 3166-1 alpha-3 codes such as CHN,USA (or WLD, ROW)",
});
const date = z.string().refine(isIsoDate, { message: "expected a date as YYYY-MM-DD, for example 2024-01-01" });
const enumOf = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  z.enum(values, { error: () => `invalid ${name}: expected one of ${values.join(", ")}` });

/** Filters shared by every query over facts. Each list holds ids (vendor, product, buyer, dataset) or ISO3 codes. */
export const factFilterSchema = z.object({
  vendor: list,
  product: list,
  category: list,
  origin: countryList,
  destination: countryList,
  buyer: list,
  dataset: list,
  from: date.optional(),
  to: date.optional(),
});

/** `GET /api/v1/series`: one metric grouped by one dimension per interval. */
export const seriesQuerySchema = factFilterSchema
  .extend({
    metric: enumOf(METRIC_IDS as [Metric, ...Metric[]], "metric").default("revenue_usd"),
    groupBy: enumOf(GROUP_BYS, "groupBy").default("destination"),
    interval: enumOf(INTERVALS, "interval").default("quarter"),
    top: z.coerce.number().int().min(1).max(50).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: "from must be on or before to",
    path: ["from"],
  });

export type FactFilter = z.output<typeof factFilterSchema>;
export type SeriesQuery = z.output<typeof seriesQuerySchema>;
/** The querystring form of a series query, as a client writes it. */
export type SeriesQueryInput = z.input<typeof seriesQuerySchema>;
