import { apiErrorSchema, seriesQuerySchema, seriesResponseSchema, type SeriesQuery } from "@chipflow/core";
import { findSeries } from "@chipflow/db";
import type { FastifyInstance } from "fastify";

export async function seriesRoutes(app: FastifyInstance) {
  app.get(
    "/series",
    {
      schema: {
        tags: ["series"],
        summary: "One metric grouped by one dimension per month, quarter or year",
        querystring: seriesQuerySchema,
        response: { 200: seriesResponseSchema, 400: apiErrorSchema },
      },
    },
    async (request) => findSeries(app.db, request.query as SeriesQuery),
  );
}
