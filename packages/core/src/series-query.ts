import { z } from "zod";
import { GROUP_BYS } from "./enums.js";
import { METRIC_IDS, type Metric } from "./metrics.js";
import { INTERVALS } from "./periods.js";
import { exportParamsSchema } from "./export-params.js";
import {
  countryListParam,
  dateParam,
  enumParam,
  fromBeforeTo,
  fromBeforeToMessage,
  listParam,
} from "./query-params.js";

const list = listParam;
const countryList = countryListParam;
const date = dateParam;
const enumOf = enumParam;

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

/** The metric parameter: one of `METRIC_IDS`. */
export const metricParam = enumOf(METRIC_IDS as [Metric, ...Metric[]], "metric");

/**
 * `GET /api/v1/series` (and `/api/v1/series.csv`): one metric grouped by one dimension per interval.
 * `top` keeps the N largest groups and folds the rest into one series with key `other` (additive metrics only;
 * for shares, prices and levies the rest is left out and listed in `other.keys`).
 */
export const seriesQueryObject = factFilterSchema.extend({
  metric: metricParam.default("revenue_usd"),
  groupBy: enumOf(GROUP_BYS, "groupBy").default("destination"),
  interval: enumOf(INTERVALS, "interval").default("quarter"),
  top: z.coerce.number().int().min(1).max(50).optional(),
  ...exportParamsSchema.shape,
});
export const seriesQuerySchema = seriesQueryObject.refine(fromBeforeTo, fromBeforeToMessage);

export type FactFilter = z.output<typeof factFilterSchema>;
export type SeriesQuery = z.output<typeof seriesQuerySchema>;
/** The querystring form of a series query, as a client writes it. */
export type SeriesQueryInput = z.input<typeof seriesQuerySchema>;
