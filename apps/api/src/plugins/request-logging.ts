import type { FastifyInstance, FastifyServerOptions } from "fastify";
import fp from "fastify-plugin";
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** A request id a client (or a proxy in front) may pass on; anything else is replaced by a fresh one. */
const SAFE_REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The id of a request: the caller's `x-request-id` when it is short and plain, else a random UUID. */
export function toRequestId(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Server options for structured logs: pino (Fastify's logger) writes one JSON line per event, each request's
 * lines carry its `reqId`. Headers are not logged, so neither are cookies or credentials.
 */
export function requestLoggingServerOptions(logger: FastifyServerOptions["logger"]): Partial<FastifyServerOptions> {
  return { logger: logger ?? false, genReqId: toRequestId, requestIdHeader: false };
}

/** Echoes the request id in `x-request-id`, so a user's report can be matched with the log. */
export const requestLoggingPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook("onRequest", (request, reply, done) => {
      void reply.header("x-request-id", request.id);
      done();
    });
  },
  { name: "request-logging" },
);
