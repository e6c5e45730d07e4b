import { apiErrorSchema, eventsQuerySchema, eventsResponseSchema, type EventsQuery } from "@chipflow/core";
import { findEvents } from "@chipflow/db";
import type { FastifyInstance } from "fastify";

export async function eventsRoutes(app: FastifyInstance) {
  app.get(
    "/events",
    {
      schema: {
        tags: ["events"],
        summary: "Export-control and market events, by period and jurisdiction",
        querystring: eventsQuerySchema,
        response: { 200: eventsResponseSchema, 400: apiErrorSchema },
      },
    },
    async (request) => ({ events: findEvents(app.db, request.query as EventsQuery) }),
  );
}
