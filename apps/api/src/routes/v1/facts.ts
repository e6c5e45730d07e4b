import { factsQuerySchema, factsResponseSchema, type FactsQuery } from "@chipflow/core";
import { factsCsvStream, findFacts, iterateFacts } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import { assertKnownIds, cacheKey, viewName, jsonAndCsvRoutes, wantsCsv } from "../../lib/query-route.js";

/**
 * `GET /api/v1/facts` and `/api/v1/facts.csv`. The JSON pages with a cursor; the CSV streams every matching fact in
 * the importer's columns (`FACT_COLUMNS`, sources in every row), so an export imports again unchanged.
 */
export async function factsRoutes(app: FastifyInstance) {
  const routes = jsonAndCsvRoutes("/facts", {
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
      if (!wantsCsv(request, q.format)) return app.queryCache.get(cacheKey("facts", q), () => findFacts(app.db, q));
      const kinds = new Set(q.kind);
      // The download streams from its own connection, closed when the stream ends, fails or the client leaves.
      const reader = app.openReader();
      const facts = (function* () {
        try {
          for (const f of iterateFacts(reader, q)) if (kinds.size === 0 || kinds.has(f.estimateKind)) yield f;
        } finally {
          reader.close();
        }
      })();
      const stream = factsCsvStream(facts, { bom: q.bom });
      stream.once("close", () => void facts.return(undefined));
      const name = viewName(["facts", ...q.metric, ...q.dataset], q.from, q.to);
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="${name}.csv"`)
        .send(stream);
    });
  }
}
