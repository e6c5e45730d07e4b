import type { FactFilter } from "@chipflow/core";
import { findUnknownIds } from "@chipflow/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { BadRequestError } from "./zod-schemas.js";

/** True when the request asks for CSV: a `.csv` path or `format=csv`. */
export const wantsCsv = (request: FastifyRequest, format: string) =>
  format === "csv" || request.url.split("?")[0]!.endsWith(".csv");

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

/** A filename stem from a view name and the query's period. */
export function viewName(parts: (string | undefined)[], from?: string, to?: string): string {
  return ["chipflow", ...parts, from && `from-${from}`, to && `to-${to}`]
    .filter((p): p is string => Boolean(p))
    .join("-")
    .replace(/[^\w.-]+/g, "_");
}
