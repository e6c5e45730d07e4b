import { METRICS, flowsQuerySchema, flowsResponseSchema, type FlowsQuery } from "@chipflow/core";
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
import { BadRequestError } from "../../lib/zod-schemas.js";

export const FLOWS_CSV_COLUMNS = [
  "source",
  "source_label",
  "target",
  "target_label",
  "value",
  "low",
  "high",
  "estimate_kind",
  "confidence",
  "basis",
  "not_itemised",
  "dataset",
  "source_ids",
] as const;

/**
 * `GET /api/v1/flows`: Sankey nodes and links (vendor → product → destination) and map links (origin → destination);
 * `/api/v1/flows.csv`: the Sankey's links, one row each, from the same query; `/api/v1/flows.xlsx`: the same as a workbook.
 */
export async function flowsRoutes(app: FastifyInstance) {
  const routes = viewRoutes(
    "/flows",
    {
      tag: "flows",
      json: "Who ships what to whom over a period: Sankey and map links",
      csv: "The Sankey's links as CSV (part=sources for their sources)",
      querystring: flowsQuerySchema,
      response: flowsResponseSchema,
    },
    { xlsx: true },
  );
  for (const { url, schema } of routes) {
    app.get(url, { schema }, async (request, reply) => {
      const q = request.query as FlowsQuery;
      if (METRICS[q.metric].aggregation !== "sum") {
        const additive = Object.entries(METRICS).filter(([, m]) => m.aggregation === "sum");
        throw new BadRequestError(
          `parameter metric: ${q.metric} does not add up, so it cannot flow; expected one of ${additive.map(([id]) => id).join(", ")}`,
        );
      }
      assertKnownIds(app, q);
      if (!wantsDownload(request, q.format)) return sendQueryJson(app, reply, "flows", q);
      const result = await queryResult(app, reply, "flows", q);
      const labels = new Map(result.sankey.nodes.map((n) => [n.id, n.label]));
      return sendViewCsv(request, reply, q, {
        name: viewName(["flows", q.metric], q.from, q.to),
        columns: FLOWS_CSV_COLUMNS,
        sources: result.sources,
        rows: result.sankey.links.map((l) => [
          l.source,
          labels.get(l.source),
          l.target,
          labels.get(l.target),
          l.value,
          l.low,
          l.high,
          l.estimateKind,
          l.confidence,
          l.basis,
          l.residual,
          l.datasetId,
          l.sourceIds.join(";"),
        ]),
      });
    });
  }
}
