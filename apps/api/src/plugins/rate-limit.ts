import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { IncomingMessage } from "node:http";
import { routedPath } from "../lib/routed-path.js";
import fp from "fastify-plugin";

/** How many requests one client address may make to the data endpoints in a time window. */
export interface RateLimitOptions {
  /** Requests per window and address. */
  max: number;
  /** The window, in milliseconds. */
  timeWindowMs: number;
  /** Requests one address may have in progress at once (default 12); past that a 429 until one is answered. */
  concurrent?: number;
}

/**
 * Generous: a person clicking through the dashboard makes a few requests a second at most, and a browser opens six
 * connections to one host.
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindowMs: 60_000, concurrent: 12 };

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Counts a request answered before routing (`wireAnswersPlugin`) against its address's limit, as the hooks count
     * every other: the rate-limit headers to send with it, or `null` when the address is over either limit (the
     * request then goes through the hooks, which answer the 429). Absent when the limit is off.
     */
    countUnrouted?: (request: IncomingMessage) => Promise<string[] | null>;
  }
}

/**
 * The data endpoints are the expensive ones: every query under /api/v1 (JSON and CSV), by the path it reaches, not
 * by how it is spelled (`/%61pi/v1/…`, `//api/v1/…` and `http://host/api/v1/…` count alike). Health, docs and the
 * dashboard's static files are not limited.
 */
export function isRateLimited(request: FastifyRequest): boolean {
  return routedPath(request).startsWith("/api/v1/");
}

/**
 * Limits the data endpoints per client address, in requests per window and in requests in progress at once; over
 * either, a 429 with `Retry-After` (seconds) in the one error shape. `false` turns both off (benchmarks and load
 * tests measure the server, not the limiter).
 */
export const rateLimitPlugin = fp<{ limit: RateLimitOptions | false }>(
  async (app: FastifyInstance, { limit }) => {
    if (limit === false) return;
    // Requests in progress per address: a client cannot hold many expensive requests open at once.
    const concurrent = limit.concurrent ?? 12;
    const inProgress = new Map<string, number>();
    app.addHook("onRequest", async (request, reply) => {
      if (!isRateLimited(request)) return;
      const held = inProgress.get(request.ip) ?? 0;
      if (held >= concurrent) {
        return reply
          .status(429)
          .header("retry-after", "1")
          .send({
            error: {
              status: 429,
              code: "TOO_MANY_AT_ONCE",
              message: `${held} requests from your address are still in progress: wait for one to finish (at most ${concurrent} at once)`,
            },
          });
      }
      inProgress.set(request.ip, held + 1);
      reply.raw.once("close", () => {
        const left = (inProgress.get(request.ip) ?? 1) - 1;
        if (left > 0) inProgress.set(request.ip, left);
        else inProgress.delete(request.ip);
      });
    });
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
    // The plugin's own limiter over its own store: a request counted here is counted as its hook would count it.
    // One over the limit is counted again by the hook that refuses it, which changes nothing for an address
    // already refused.
    const limiter = app.createRateLimit();
    app.decorate("countUnrouted", async (raw: IncomingMessage) => {
      const ip = raw.socket.remoteAddress ?? "";
      if ((inProgress.get(ip) ?? 0) >= concurrent) return null;
      // What the limiter reads of a request: its address, its path (for `allowList`) and its route's settings.
      const request = { ip, url: raw.url ?? "", raw, headers: raw.headers, routeOptions: { config: {} } };
      const result = await limiter(request as unknown as FastifyRequest);
      if (result.isAllowed) return [];
      if (result.isExceeded) return null;
      return [
        "x-ratelimit-limit",
        String(result.max),
        "x-ratelimit-remaining",
        String(result.remaining),
        "x-ratelimit-reset",
        String(result.ttlInSeconds),
      ];
    });
  },
  { name: "rate-limit" },
);
