import { METRICS, apiErrorSchema, flowsQuerySchema, flowsResponseSchema, type FlowsQuery } from "@chipflow/core";
import { findFlows } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import { assertKnownIds, cacheKey } from "../../lib/query-route.js";
import { BadRequestError } from "../../lib/zod-schemas.js";

/** `GET /api/v1/flows`: Sankey nodes and links (vendor → product → destination) and map links (origin → destination). */
export async function flowsRoutes(app: FastifyInstance) {
  app.get(
    "/flows",
    {
      schema: {
        tags: ["flows"],
        summary: "Who ships what to whom over a period: Sankey and map links",
        querystring: flowsQuerySchema,
        response: { 200: flowsResponseSchema, 400: apiErrorSchema },
      },
    },
    async (request) => {
      const q = request.query as FlowsQuery;
      if (METRICS[q.metric].aggregation !== "sum") {
        const additive = Object.entries(METRICS).filter(([, m]) => m.aggregation === "sum");
        throw new BadRequestError(
          `parameter metric: ${q.metric} does not add up, so it cannot flow; expected one of ${additive.map(([id]) => id).join(", ")}`,
        );
      }
      assertKnownIds(app, q);
      return app.queryCache.get(cacheKey("flows", q), () => findFlows(app.db, q));
    },
  );
}
