import { z } from "zod";
import {
  CATEGORIES,
  CONFIDENCES,
  DATASET_KINDS,
  ESTIMATE_KINDS,
  EVENT_DATE_KINDS,
  EVENT_TOPICS,
  GROUP_BYS,
  SOURCE_TYPES,
} from "./enums.js";
import { METRIC_IDS, type Metric } from "./metrics.js";
import { GRANULARITIES, INTERVALS } from "./periods.js";

/*
 * The API's response bodies as zod schemas: the API serialises with them (as JSON Schema), the web app
 * types its data with them. One definition for both sides.
 */

const nullableString = z.string().nullable();
const nullableNumber = z.number().nullable();

export const sourceSchema = z.object({
  id: z.number().int(),
  publisher: z.string(),
  title: z.string(),
  url: z.string(),
  publishedOn: z.string().describe("YYYY, YYYY-MM or YYYY-MM-DD"),
  locator: nullableString.describe("where in the document the figure stands: note, table, XBRL page, paragraph"),
  type: z
    .enum(SOURCE_TYPES)
    .nullable()
    .describe("primary: the issuer's or regulator's own document; secondary: an article or aggregator reporting it"),
  notes: nullableString,
});
export type Source = z.infer<typeof sourceSchema>;

export const datasetSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  licence: z.string(),
  kind: z.enum(DATASET_KINDS),
  priority: z.number().int(),
  importedAt: nullableString,
  rowCount: z.number().int(),
  checksum: nullableString,
});
export type Dataset = z.infer<typeof datasetSchema>;

export const vendorSchema = z.object({
  id: z.string(),
  name: z.string(),
  hqCountry: nullableString,
  makes: z
    .enum(EVENT_TOPICS)
    .nullable()
    .describe("what the vendor makes: chips, or the tools that make them; null for neither in particular"),
});
export type Vendor = z.infer<typeof vendorSchema>;

export const productSchema = z.object({
  id: z.string(),
  vendorId: nullableString,
  name: z.string(),
  category: z.enum(CATEGORIES),
  hsCodes: z.array(z.string()),
});
export type Product = z.infer<typeof productSchema>;

export const buyerSchema = z.object({ id: z.string(), name: z.string(), country: nullableString });
export type Buyer = z.infer<typeof buyerSchema>;

export const metricDescriptionSchema = z.object({
  id: z.enum(METRIC_IDS as [Metric, ...Metric[]]),
  label: z.string(),
  unit: z.string(),
  aggregation: z.enum(["sum", "none"]),
});
export type MetricDescription = z.infer<typeof metricDescriptionSchema>;

/** `GET /api/v1/dimensions`: what can be filtered and grouped on, and the span of the data. */
export const dimensionsSchema = z.object({
  vendors: z.array(vendorSchema),
  products: z.array(productSchema),
  /** `name` is the one to show (the UN M49 short name); `aliases` are other names a search should find it by. */
  countries: z.array(
    z.object({ iso3: z.string(), name: z.string(), aliases: z.array(z.string()), region: z.string() }),
  ),
  buyers: z.array(buyerSchema),
  datasets: z.array(datasetSchema),
  metrics: z.array(metricDescriptionSchema),
  periodRange: z.object({ from: nullableString, to: nullableString }),
});
export type Dimensions = z.infer<typeof dimensionsSchema>;

/**
 * A competing estimate of a cell: another source's figure for the same thing, or another dataset's figure
 * (which may itself be a sum of parts: then `basis` is `sum` and `sourceIds` lists every source).
 */
export const alternativeSchema = z.object({
  value: nullableNumber,
  low: nullableNumber,
  high: nullableNumber,
  sourceId: z.number().int().describe("the (first) source of this figure"),
  sourceIds: z.array(z.number().int()).optional(),
  basis: z.enum(["reported", "sum"]).optional(),
  datasetId: z.string(),
  estimateKind: z.enum(ESTIMATE_KINDS),
});
export type Alternative = z.infer<typeof alternativeSchema>;

/** One cell of a series: a group in one bucket. */
export const seriesPointSchema = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  label: z.string(),
  value: nullableNumber,
  low: nullableNumber,
  high: nullableNumber,
  estimateKind: z.enum(ESTIMATE_KINDS),
  confidence: z.enum(CONFIDENCES).nullable(),
  coarser: z.boolean().describe("the figure covers more than one bucket and is shown over its whole span, not split"),
  coverage: nullableString.describe(
    "the part of the bucket its figures cover, when not all of it: 'Jan–Jul' for a year of seven months; never to be compared with whole buckets unmarked",
  ),
  granularity: z.enum(GRANULARITIES),
  basis: z.enum(["reported", "sum"]).describe("reported: one fact gives this cell; sum: added up from its parts"),
  sourceIds: z.array(z.number().int()),
  datasetId: z.string().optional().describe("the dataset whose facts give the value (absent on the Other series)"),
  alternatives: z.array(alternativeSchema).describe("competing estimates of the same cell, never added to value"),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const seriesSchema = z.object({ key: z.string(), label: z.string(), points: z.array(seriesPointSchema) });
export type Series = z.infer<typeof seriesSchema>;

/** The product categories whose units a response counts: each figure counts one, and figures of two are never added. */
export const unitCategoriesSchema = z
  .array(z.string())
  .describe(
    "units metrics: the product categories the figures count (each figure counts one); with more than one, nothing adds them (no total, no Other, no stacking). Empty for other metrics",
  );

export const seriesResponseSchema = z.object({
  metric: metricDescriptionSchema,
  groupBy: z.enum(GROUP_BYS),
  interval: z.enum(INTERVALS),
  series: z.array(seriesSchema).describe("largest first when top is given, else by label; the Other series is last"),
  other: z
    .object({
      keys: z.array(z.string()).describe("the groups beyond the top N"),
      folded: z.boolean().describe("true: added up into the series with key `other`; false: left out (not additive)"),
    })
    .nullable()
    .optional()
    .describe("present when top is given and more groups exist"),
  categories: unitCategoriesSchema,
  total: seriesSchema
    .nullable()
    .describe(
      "grouping by place: World's reported figures, the total of the series (never one of them, never stacked)",
    ),
  sources: z.array(sourceSchema),
});
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;

/** A policy or market event drawn on time axes. */
export const policyEventSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  dateKind: z.enum(EVENT_DATE_KINDS).describe("what the date marks: announced, published, effective or occurred"),
  rank: z
    .number()
    .int()
    .nullable()
    .describe("1 for the event that moved the flows most, and so on; null for events shown only on asking for all"),
  label: nullableString.describe("a few words that name the event on a chart (ranked events have one)"),
  topic: z
    .enum(EVENT_TOPICS)
    .nullable()
    .describe("what the event bears on: chips, or the tools that make them; null for both"),
  jurisdiction: z.string(),
  actor: z.string(),
  title: z.string(),
  description: z.string(),
  confidence: z.enum(CONFIDENCES).nullable(),
  source: sourceSchema,
});
export type PolicyEvent = z.infer<typeof policyEventSchema>;

/** The one error shape every API error uses. */
export const apiErrorSchema = z.object({
  error: z.object({ status: z.number().int(), code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const healthSchema = z.object({
  status: z.enum(["ok", "error"]),
  /** Changes whenever the data changes (an import, a renamed or removed dataset): cite it with the figures. */
  dataVersion: z.string(),
  facts: z.number().int(),
  /** When the data was last imported (the latest import of any dataset), ISO 8601; null before any import. */
  importedAt: nullableString,
});
export type Health = z.infer<typeof healthSchema>;
