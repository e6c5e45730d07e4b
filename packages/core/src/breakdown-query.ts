import { z } from "zod";
import { GROUP_BYS } from "./enums.js";
import { exportParamsSchema } from "./export-params.js";
import { figureSchema } from "./figure.js";
import { metricDescriptionSchema, sourceSchema, unitCategoriesSchema } from "./api-types.js";
import { enumParam, fromBeforeTo, fromBeforeToMessage } from "./query-params.js";
import { factFilterSchema, metricParam } from "./series-query.js";

/**
 * `GET /api/v1/breakdown` (and `.csv`): one metric, one dimension, ranked over the period `from`..`to`.
 * Only facts whose whole period lies inside `from`..`to` count: a figure is never cut to fit the period.
 */
export const breakdownQueryObject = factFilterSchema.extend({
  metric: metricParam.default("revenue_usd"),
  groupBy: enumParam(GROUP_BYS, "groupBy").default("destination"),
  top: z.coerce.number().int().min(1).max(200).optional(),
  ...exportParamsSchema.shape,
});
export const breakdownQuerySchema = breakdownQueryObject.refine(fromBeforeTo, fromBeforeToMessage);
export type BreakdownQuery = z.output<typeof breakdownQuerySchema>;
export type BreakdownQueryInput = z.input<typeof breakdownQuerySchema>;

/** One ranked group of a breakdown. `share` is of the total of all groups (additive metrics only, else null). */
export const breakdownRowSchema = figureSchema.extend({
  key: z.string(),
  label: z.string(),
  rank: z.number().int(),
  share: z.number().nullable(),
  periodStart: z.string().describe("earliest start of the facts behind the value"),
  periodEnd: z.string().describe("latest end of the facts behind the value"),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const breakdownResponseSchema = z.object({
  metric: metricDescriptionSchema,
  groupBy: z.enum(GROUP_BYS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  rows: z.array(breakdownRowSchema).describe("largest first"),
  total: z
    .number()
    .nullable()
    .describe(
      "additive metrics: the reported total (World, when grouping by place) where one holds the rows, else the sum of the rows; null for shares and prices, and for units of more than one product category",
    ),
  totalBasis: z
    .enum(["reported", "sum"])
    .nullable()
    .describe("reported: a reported total (never listed as a row) gives `total`; sum: the rows are added up"),
  excludedFacts: z.number().int().describe("facts overlapping the period but not inside it, left out"),
  categories: unitCategoriesSchema,
  sources: z.array(sourceSchema),
});
export type BreakdownResponse = z.infer<typeof breakdownResponseSchema>;
