import { z } from "zod";
import { datasetSchema, policyEventSchema, sourceSchema } from "./api-types.js";
import { countryListParam, dateParam, fromBeforeTo, fromBeforeToMessage, listParam } from "./query-params.js";

/** `GET /api/v1/sources`: sources, optionally only those behind some datasets, some ids, or matching a text. */
export const sourcesQuerySchema = z.object({
  dataset: listParam,
  id: listParam.refine((ids) => ids.every((id) => /^\d+$/.test(id)), { message: "expected source ids such as 1,2" }),
  q: z
    .string()
    .max(200)
    .optional()
    .describe("text to find in publisher or title; a country's name or alias finds its other names too"),
});
export type SourcesQuery = z.output<typeof sourcesQuerySchema>;
export const sourcesResponseSchema = z.object({ sources: z.array(sourceSchema) });
export type SourcesResponse = z.infer<typeof sourcesResponseSchema>;

/** `GET /api/v1/datasets`: every dataset, highest priority first. */
export const datasetsResponseSchema = z.object({ datasets: z.array(datasetSchema) });
export type DatasetsResponse = z.infer<typeof datasetsResponseSchema>;

/** `GET /api/v1/events`: events dated within `from`..`to`, for some jurisdictions (ISO3). */
export const eventsQuerySchema = z
  .object({ from: dateParam.optional(), to: dateParam.optional(), jurisdiction: countryListParam })
  .refine(fromBeforeTo, fromBeforeToMessage);
export type EventsQuery = z.output<typeof eventsQuerySchema>;
export const eventsResponseSchema = z.object({ events: z.array(policyEventSchema) });
export type EventsResponse = z.infer<typeof eventsResponseSchema>;
