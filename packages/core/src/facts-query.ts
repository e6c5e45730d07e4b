import { z } from "zod";
import { CATEGORIES, CONFIDENCES, ESTIMATE_KINDS } from "./enums.js";
import { exportParamsSchema } from "./export-params.js";
import { sourceSchema } from "./api-types.js";
import { GRANULARITIES } from "./periods.js";
import { METRIC_IDS, type Metric } from "./metrics.js";
import { enumParam, fromBeforeTo, fromBeforeToMessage, listParam } from "./query-params.js";
import { factFilterSchema } from "./series-query.js";

export const FACT_SORTS = ["period", "-period", "value", "-value", "source_date", "-source_date"] as const;
export type FactSort = (typeof FACT_SORTS)[number];

/**
 * `GET /api/v1/facts` (and `.csv`): the raw facts with their provenance. Filters as everywhere (facts overlapping
 * `from`..`to`), plus `metric` and `kind` lists. `sort` is a column, `-` for descending; ties break by id.
 * Pages: pass the previous page's `nextCursor` as `cursor`. The CSV ignores `limit` and `cursor` and streams
 * every matching fact in the importer's columns (`FACT_COLUMNS`).
 */
export const factsQueryObject = factFilterSchema.extend({
  metric: listParam.refine((ids) => ids.every((id) => (METRIC_IDS as string[]).includes(id)), {
    message: `invalid metric: expected one or more of ${METRIC_IDS.join(", ")}`,
  }),
  kind: listParam.refine((ids) => ids.every((id) => (ESTIMATE_KINDS as readonly string[]).includes(id)), {
    message: `invalid kind: expected one or more of ${ESTIMATE_KINDS.join(", ")}`,
  }),
  sort: enumParam(FACT_SORTS, "sort").default("period"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(500).optional(),
  ...exportParamsSchema.shape,
});
export const factsQuerySchema = factsQueryObject.refine(fromBeforeTo, fromBeforeToMessage);
export type FactsQuery = z.output<typeof factsQuerySchema>;
export type FactsQueryInput = z.input<typeof factsQuerySchema>;

/** One stored fact with its dataset and source. Dimension ids are the ids of `/api/v1/dimensions`. */
export const factWithSourceSchema = z.object({
  id: z.number().int(),
  datasetId: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  periodLabel: z.string().nullable(),
  granularity: z.enum(GRANULARITIES),
  vendorId: z.string().nullable().describe("null: all vendors"),
  vendor: z.string().nullable(),
  productId: z.string().nullable().describe("null: all products of the vendor"),
  product: z.string().nullable(),
  category: z.enum(CATEGORIES).nullable(),
  origin: z.string().nullable(),
  destination: z.string().nullable(),
  buyerId: z.string().nullable(),
  buyer: z.string().nullable(),
  metric: z.enum(METRIC_IDS as [Metric, ...Metric[]]),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  estimateKind: z.enum(ESTIMATE_KINDS),
  confidence: z.enum(CONFIDENCES).nullable(),
  note: z.string().nullable(),
  source: sourceSchema,
});
export type FactWithSource = z.infer<typeof factWithSourceSchema>;

export const factsResponseSchema = z.object({
  facts: z.array(factWithSourceSchema),
  nextCursor: z.string().nullable().describe("pass as cursor for the next page; null on the last page"),
});
export type FactsResponse = z.infer<typeof factsResponseSchema>;
