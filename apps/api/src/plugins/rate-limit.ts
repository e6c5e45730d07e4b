import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { routedPath } from "../lib/routed-path.js";
import fp from "fastify-plugin";

/** How many requests one client address may make to the data endpoints in a time window. */
export interface RateLimitOptions {
  /** Requests per window and address. */
  max: number;
  /** The window, in milliseconds. */
  timeWindowMs: number;
}

/** Generous: a person clicking through the dashboard makes a few requests a second at most. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindowMs: 60_000 };

/**
 * The data endpoints are the expensive ones: every query under /api/v1 (JSON and CSV), by the path it reaches, not
 * by how it is spelled (`/%61pi/v1/…`, `//api/v1/…` and `http://host/api/v1/…` count alike). Health, docs and the
 * dashboard's static files are not limited.
 */
export function isRateLimited(request: FastifyRequest): boolean {
  return routedPath(request).startsWith("/api/v1/");
}

/**
 * Limits the data endpoints per client address; over the limit, a 429 with `Retry-After` (seconds) in the one
 * error shape. `false` turns it off (benchmarks and load tests measure the server, not the limiter).
 */
export const rateLimitPlugin = fp<{ limit: RateLimitOptions | false }>(
  async (app: FastifyInstance, { limit }) => {
    if (limit === false) return;
    await app.register(fastifyRateLimit, {
      global: true,
      max: limit.max,
      timeWindow: limit.timeWindowMs,
      allowList: (request) => !isRateLimited(request),
      addHeadersOnExceeding: { "x-ratelimit-limit": true, "x-ratelimit-remaining": true, "x-ratelimit-reset": true },
      addHeaders: {
        "x-ratelimit-limit": true,
        "x-ratelimit-remaining": true,
        "x-ratelimit-reset": true,
        "retry-after": true,
      },
      errorResponseBuilder: (_request, context) =>
        Object.assign(
          new Error(
            `too many requests: at most ${context.max} per ${Math.round(limit.timeWindowMs / 1000)} s ` +
              `from one address; retry in ${context.after}`,
          ),
          { statusCode: 429, code: "RATE_LIMITED" },
        ),
    });
  },
  { name: "rate-limit" },
);
