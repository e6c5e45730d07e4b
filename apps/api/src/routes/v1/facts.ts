import { factsQuerySchema, factsResponseSchema, type FactsQuery } from "@chipflow/core";
import type { FastifyInstance } from "fastify";
import { assertKnownIds, sendQueryJson, viewName, viewRoutes, wantsDownload } from "../../lib/query-route.js";

/**
 * `GET /api/v1/facts` and `/api/v1/facts.csv`. The JSON pages with a cursor; the CSV streams every matching fact in
 * the importer's columns (`FACT_COLUMNS`, sources in every row), so an export imports again unchanged.
 */
export async function factsRoutes(app: FastifyInstance) {
  const routes = viewRoutes("/facts", {
    tag: "facts",
    json: "The stored facts with their sources: filtered, sorted, paged by cursor",
    csv: "Every matching fact as CSV in the importer's columns",
    querystring: factsQuerySchema,
    response: factsResponseSchema,
  });
  for (const { url, schema } of routes) {
    app.get(url, { schema }, async (request, reply) => {
      const q = request.query as FactsQuery;
      assertKnownIds(app, q);
      if (!wantsDownload(request, q.format)) return sendQueryJson(app, reply, "facts", q);
      // Streamed from a thread of its own as fast as the client reads; stopped when the client leaves.
      const stream = app.queryPool.factsCsv({ query: q, bom: q.bom });
      reply.raw.once("close", () => stream.destroy());
      const name = viewName(["facts", ...q.metric, ...q.dataset], q.from, q.to);
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="${name}.csv"`)
        .send(stream);
    });
  }
}
