import { seriesQuerySchema, seriesResponseSchema, type SeriesQuery } from "@chipflow/core";
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

export const SERIES_CSV_COLUMNS = [
  "series_key",
  "series_label",
  "period_start",
  "period_end",
  "period",
  "value",
  "low",
  "high",
  "estimate_kind",
  "confidence",
  "basis",
  "coarser",
  "coverage",
  "granularity",
  "dataset",
  "source_ids",
  "alternatives",
  "role",
] as const;

/** `GET /api/v1/series`, `/api/v1/series.csv` and `/api/v1/series.xlsx`: one query, three renderings. */
export async function seriesRoutes(app: FastifyInstance) {
  const routes = viewRoutes(
    "/series",
    {
      tag: "series",
      json: "One metric grouped by one dimension per month, quarter or year",
      csv: "The series as CSV (part=sources for its sources)",
      querystring: seriesQuerySchema,
      response: seriesResponseSchema,
    },
    { xlsx: true },
  );
  for (const { url, schema } of routes) {
    app.get(url, { schema }, async (request, reply) => {
      const q = request.query as SeriesQuery;
      assertKnownIds(app, q);
      if (!wantsDownload(request, q.format)) return sendQueryJson(app, reply, "series", q);
      const result = await queryResult(app, reply, "series", q);
      return sendViewCsv(request, reply, q, {
        name: viewName(["series", q.metric, "by", q.groupBy, q.interval], q.from, q.to),
        columns: SERIES_CSV_COLUMNS,
        sources: result.sources,
        // World's reported figures come last, marked `total`: never added to the series (`part`) above them.
        rows: [...result.series, ...(result.total ? [result.total] : [])].flatMap((s) =>
          s.points.map((p) => [
            s.key,
            s.label,
            p.periodStart,
            p.periodEnd,
            p.label,
            p.value,
            p.low,
            p.high,
            p.estimateKind,
            p.confidence,
            p.basis,
            p.coarser,
            p.coverage,
            p.granularity,
            p.datasetId,
            p.sourceIds.join(";"),
            p.alternatives.map((a) => `${a.value ?? `${a.low}..${a.high}`} (${a.datasetId} #${a.sourceId})`).join(";"),
            s === result.total ? "total" : "part",
          ]),
        ),
      });
    });
  }
}
