import { summaryResponseSchema } from "@chipflow/core";
import type { FastifyInstance } from "fastify";
import { clientGone } from "../../plugins/query-cache.js";

/** `GET /api/v1/summary`: the overview's headline tiles, each with its sources, kind and range. */
export async function summaryRoutes(app: FastifyInstance) {
  app.get(
    "/summary",
    {
      schema: {
        tags: ["summary"],
        summary: "Headline figures for the overview tiles",
        response: { 200: summaryResponseSchema },
      },
    },
    async (_request, reply) =>
      app.queryCache.get("summary", (signal) => app.queryPool.run("summary", undefined, signal), clientGone(reply)),
  );
}
