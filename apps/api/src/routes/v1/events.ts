import { apiErrorSchema, isCountryCode, isIsoDate, policyEventSchema } from "@chipflow/core";
import { findEvents } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import { z } from "zod";

const eventsQuerySchema = z.object({
  from: z.string().refine(isIsoDate, "expected a date as YYYY-MM-DD").optional(),
  to: z.string().refine(isIsoDate, "expected a date as YYYY-MM-DD").optional(),
  jurisdiction: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").map((c) => c.trim()) : []))
    .refine((codes) => codes.every(isCountryCode), "expected ISO3 codes such as USA,NLD,JPN,CHN"),
});

export async function eventsRoutes(app: FastifyInstance) {
  app.get(
    "/events",
    {
      schema: {
        tags: ["events"],
        summary: "Export-control and market events, by period and jurisdiction",
        querystring: eventsQuerySchema,
        response: { 200: z.object({ events: z.array(policyEventSchema) }), 400: apiErrorSchema },
      },
    },
    async (request) => ({ events: findEvents(app.db, request.query as z.output<typeof eventsQuerySchema>) }),
  );
}
