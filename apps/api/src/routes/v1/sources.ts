import {
  apiErrorSchema,
  datasetsResponseSchema,
  sourcesQuerySchema,
  sourcesResponseSchema,
  type SourcesQuery,
} from "@chipflow/core";
import { listDatasets } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import { assertKnownIds, cacheKey } from "../../lib/query-route.js";
import { clientGone } from "../../plugins/query-cache.js";

/** `GET /api/v1/sources` and `GET /api/v1/datasets`: the provenance catalogue. */
export async function sourcesRoutes(app: FastifyInstance) {
  app.get(
    "/sources",
    {
      schema: {
        tags: ["sources"],
        summary: "Sources: all, by dataset, by id or matching a text",
        querystring: sourcesQuerySchema,
        response: { 200: sourcesResponseSchema, 400: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const q = request.query as SourcesQuery;
      assertKnownIds(app, { dataset: q.dataset });
      const sources = await app.queryCache.get(
        cacheKey("sources", q),
        (signal) => app.queryPool.run("sources", q, signal),
        clientGone(reply),
      );
      return { sources };
    },
  );
  app.get(
    "/datasets",
    {
      schema: {
        tags: ["sources"],
        summary: "Datasets, highest priority first",
        response: { 200: datasetsResponseSchema },
      },
    },
    async () => ({ datasets: listDatasets(app.db) }),
  );
}
