import { apiErrorSchema, type FactFilter } from "@chipflow/core";
import { findUnknownIds, type PoolQueryArgs, type PoolQueryName, type PoolQueryResult } from "@chipflow/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodType } from "zod";
import { clientGone } from "../plugins/query-cache.js";
import { BadRequestError } from "./zod-schemas.js";

/** True when the request asks for a file rather than JSON: a `.csv` or `.xlsx` path, or `format=csv`. */
export const wantsDownload = (request: FastifyRequest, format: string) =>
  format === "csv" || /\.(csv|xlsx)$/.test(request.url.split("?")[0]!);

/** Rejects ids the database does not hold (vendor=nvidai), naming the parameter and the ids it knows. */
export function assertKnownIds(app: FastifyInstance, filter: Partial<FactFilter>) {
  const problem = findUnknownIds(app.db, filter);
  if (problem) throw new BadRequestError(problem);
}

/** The cache key of a query: route and the parsed query minus how it is rendered. */
export function cacheKey(route: string, query: object): string {
  const { format: _f, bom: _b, part: _p, ...rest } = query as Record<string, unknown>;
  return `${route}?${JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/** The pool's queries that a view's URL asks. */
type ViewQueryName = Extract<PoolQueryName, "series" | "breakdown" | "flows" | "facts">;

/** A query's result, from the result cache or run on the query pool (cancelled if the client goes). */
export function queryResult<N extends ViewQueryName>(
  app: FastifyInstance,
  reply: FastifyReply,
  name: N,
  q: PoolQueryArgs<N>,
): Promise<PoolQueryResult<N>> {
  return app.queryCache.get(cacheKey(name, q), (signal) => app.queryPool.run(name, q, signal), clientGone(reply));
}

/**
 * Sends a query's result as JSON, serialised on its query thread (`QueryPool.runJson`): the event loop only writes
 * the bytes. The result cache keeps them apart from the result itself, which the CSV and XLSX renderings read.
 */
export async function sendQueryJson<N extends ViewQueryName>(
  app: FastifyInstance,
  reply: FastifyReply,
  name: N,
  q: PoolQueryArgs<N>,
): Promise<FastifyReply> {
  const body = await app.queryCache.get(
    `${cacheKey(name, q)}#json`,
    (signal) => app.queryPool.runJson(name, q, signal),
    clientGone(reply),
  );
  return reply.type("application/json; charset=utf-8").send(body);
}

/** A filename stem from a view name and the query's period. */
export function viewName(parts: (string | undefined)[], from?: string, to?: string): string {
  return ["chipflow", ...parts, from && `from-${from}`, to && `to-${to}`]
    .filter((p): p is string => Boolean(p))
    .join("-")
    .replace(/[^\w.-]+/g, "_");
}

/** What a view with a CSV rendering says of itself in the API's documentation. */
export interface ViewDoc {
  tag: string;
  /** Summary of the JSON route; "(format=csv for CSV)" is added. */
  json: string;
  /** Summary of the `.csv` route. */
  csv: string;
  querystring: ZodType;
  response: ZodType;
}

/**
 * The URLs of a view (`/series`, `/series.csv` and, for a view, `/series.xlsx`) with their schemas: all take the same
 * querystring; the JSON one declares its 200 body, the files their errors only. All are served by one handler.
 */
export function viewRoutes(path: string, doc: ViewDoc, options: { xlsx?: boolean } = {}) {
  const common = { tags: [doc.tag], querystring: doc.querystring };
  const xlsx = options.xlsx
    ? [
        {
          url: `${path}.xlsx`,
          schema: {
            ...common,
            summary: doc.csv.replace(/\bas CSV\b/, "as an Excel workbook (a data sheet and a sources sheet)"),
            response: { 400: apiErrorSchema },
          },
        },
      ]
    : [];
  return [
    ...xlsx,
    {
      url: path,
      schema: {
        ...common,
        summary: `${doc.json} (format=csv for CSV)`,
        response: { 200: doc.response, 400: apiErrorSchema },
      },
    },
    { url: `${path}.csv`, schema: { ...common, summary: doc.csv, response: { 400: apiErrorSchema } } },
  ];
}
