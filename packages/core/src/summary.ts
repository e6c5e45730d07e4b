import { z } from "zod";
import { figureSchema } from "./figure.js";
import { metricDescriptionSchema, sourceSchema } from "./api-types.js";

/**
 * One headline tile of the overview. The figure is computed by the same rules as every other endpoint from the
 * facts that match `query` (a querystring for `/api/v1/breakdown`, so a client can link to the figures behind it).
 */
export const summaryTileSchema = z.object({
  id: z.string(),
  title: z.string(),
  metric: metricDescriptionSchema,
  periodStart: z.string(),
  periodEnd: z.string(),
  figure: figureSchema,
  query: z.string().describe("the breakdown querystring that gives this figure"),
});
export type SummaryTile = z.infer<typeof summaryTileSchema>;

/** `GET /api/v1/summary`: headline tiles; a tile whose facts are missing from the database is left out. */
export const summaryResponseSchema = z.object({
  tiles: z.array(summaryTileSchema),
  sources: z.array(sourceSchema),
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;
