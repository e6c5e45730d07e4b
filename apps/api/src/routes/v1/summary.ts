import { summaryResponseSchema } from "@chipflow/core";
import { findSummary } from "@chipflow/db";
import type { FastifyInstance } from "fastify";

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
    async () => app.queryCache.get("summary", () => findSummary(app.db)),
  );
}
