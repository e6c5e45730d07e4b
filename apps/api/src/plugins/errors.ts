import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { PoolAbortError, PoolBusyError } from "@chipflow/db";

/**
 * One error shape for every failure: `{ error: { status, code, message } }`. Client errors keep their message;
 * anything else is logged in full and answered with a generic message, never a stack trace or a path.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // The server is busy or the query ran out of time: say when to try again (a client that left hears nothing).
    if (error instanceof PoolBusyError || error instanceof PoolAbortError) {
      const retryAfter = error instanceof PoolBusyError ? error.retryAfterSeconds : 1;
      return reply
        .status(503)
        .header("retry-after", String(retryAfter))
        .send({ error: { status: 503, code: "BUSY", message: error.message } });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, "request failed");
    const message = status >= 500 ? "internal error: the server could not answer this request" : error.message;
    const code = status >= 500 ? "INTERNAL" : (error.code ?? "BAD_REQUEST").replace(/^FST_ERR_/, "");
    return reply.status(status).send({ error: { status, code, message } });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    // A path that exists for GET, asked with another method: 405 and what it allows, not "no route".
    if (request.method !== "GET" && request.method !== "HEAD" && app.hasRoute({ method: "GET", url: path }))
      return reply
        .status(405)
        .header("allow", "GET, HEAD")
        .send({
          error: {
            status: 405,
            code: "METHOD_NOT_ALLOWED",
            message: `${request.method} is not allowed on ${path}: send GET (the API only reads)`,
          },
        });
    return reply.status(404).send({
      error: {
        status: 404,
        code: "NOT_FOUND",
        message: `no route for ${request.method} ${path}: see /api/docs for the API`,
      },
    });
  });
});
