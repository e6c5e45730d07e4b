import { z } from "zod";
import { exportParamsSchema } from "./export-params.js";
import { figureSchema } from "./figure.js";
import { metricDescriptionSchema, sourceSchema } from "./api-types.js";
import { fromBeforeTo, fromBeforeToMessage } from "./query-params.js";
import { factFilterSchema, metricParam } from "./series-query.js";

/**
 * `GET /api/v1/flows`: who ships what to whom over the period `from`..`to`, for an additive metric
 * (units, revenue, orders…). Only facts whose whole period lies inside `from`..`to` count. Give `dataset` to keep
 * one basis; without it each cell takes its figure from the preferred dataset and the others are alternatives.
 */
export const flowsQueryObject = factFilterSchema.extend({
  metric: metricParam.default("revenue_usd"),
  ...exportParamsSchema.shape,
});
export const flowsQuerySchema = flowsQueryObject.refine(fromBeforeTo, fromBeforeToMessage);
export type FlowsQuery = z.output<typeof flowsQuerySchema>;
export type FlowsQueryInput = z.input<typeof flowsQuerySchema>;

/** A node of the Sankey. `id` is `vendor:<id>`, `product:<id>`, `rest:<vendor id>` or `destination:<ISO3>`. */
export const flowNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(["vendor", "product", "destination"]),
  label: z.string(),
});
export type FlowNode = z.infer<typeof flowNodeSchema>;

/**
 * A link between two nodes with its resolved figure. `residual`: the part of a vendor's reported total not
 * itemised by product (total minus the products' figures), shown through a `rest:<vendor>` node so that the
 * vendor's outflow equals its reported total and nothing is counted twice.
 */
export const flowLinkSchema = figureSchema.extend({
  source: z.string(),
  target: z.string(),
  residual: z.boolean(),
});
export type FlowLink = z.infer<typeof flowLinkSchema>;

/** An origin → destination link for the map (ISO3 codes; facts without an origin or destination are left out). */
export const mapLinkSchema = figureSchema.extend({ origin: z.string(), destination: z.string() });
export type MapLink = z.infer<typeof mapLinkSchema>;

export const flowsResponseSchema = z.object({
  metric: metricDescriptionSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  sankey: z.object({
    nodes: z.array(flowNodeSchema).describe("vendors, then products, then destinations, each kind by id"),
    links: z
      .array(flowLinkSchema)
      .describe("vendor → product and product → destination, largest first (ties by source, then target)"),
  }),
  map: z.object({
    links: z.array(mapLinkSchema).describe("largest first (ties by origin, then destination)"),
    unplaced: z.number().int().describe("facts with no origin or no destination, not on the map"),
  }),
  excludedFacts: z.number().int().describe("facts overlapping the period but not inside it, left out"),
  sources: z.array(sourceSchema),
});
export type FlowsResponse = z.infer<typeof flowsResponseSchema>;
