import { breakdownQuerySchema, breakdownResponseSchema, type BreakdownQuery } from "@chipflow/core";
import type { FastifyInstance } from "fastify";
import {
  assertKnownIds,
  queryResult,
  sendQueryJson,
  viewName,
  viewRoutes,
  wantsDownload,
} from "../../lib/query-route.js";
import { sendViewCsv } from "../../lib/send-csv.js";

export const BREAKDOWN_CSV_COLUMNS = [
  "rank",
  "key",
  "label",
  "value",
  "low",
  "high",
  "share",
  "estimate_kind",
  "confidence",
  "basis",
  "dataset",
  "period_start",
  "period_end",
  "source_ids",
] as const;

/** `GET /api/v1/breakdown` (and `.csv`, `.xlsx`): one dimension ranked over a period. */
export async function breakdownRoutes(app: FastifyInstance) {
  const routes = viewRoutes(
    "/breakdown",
    {
      tag: "breakdown",
      json: "One metric, one dimension, ranked over a period",
      csv: "The breakdown as CSV (part=sources for its sources)",
      querystring: breakdownQuerySchema,
      response: breakdownResponseSchema,
    },
    { xlsx: true },
  );
  for (const { url, schema } of routes) {
    app.get(url, { schema }, async (request, reply) => {
      const q = request.query as BreakdownQuery;
      assertKnownIds(app, q);
      if (!wantsDownload(request, q.format)) return sendQueryJson(app, reply, "breakdown", q);
      const result = await queryResult(app, reply, "breakdown", q);
      return sendViewCsv(request, reply, q, {
        name: viewName(["breakdown", q.metric, "by", q.groupBy], q.from, q.to),
        columns: BREAKDOWN_CSV_COLUMNS,
        sources: result.sources,
        rows: result.rows.map((r) => [
          r.rank,
          r.key,
          r.label,
          r.value,
          r.low,
          r.high,
          r.share,
          r.estimateKind,
          r.confidence,
          r.basis,
          r.datasetId,
          r.periodStart,
          r.periodEnd,
          r.sourceIds.join(";"),
        ]),
      });
    });
  }
}
