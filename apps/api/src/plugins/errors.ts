import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * One error shape for every failure: `{ error: { status, code, message } }`. Client errors keep their message;
 * anything else is logged in full and answered with a generic message, never a stack trace or a path.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, "request failed");
    const message = status >= 500 ? "internal error: the server could not answer this request" : error.message;
    const code = status >= 500 ? "INTERNAL" : (error.code ?? "BAD_REQUEST").replace(/^FST_ERR_/, "");
    return reply.status(status).send({ error: { status, code, message } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        status: 404,
        code: "NOT_FOUND",
        message: `no route for ${request.method} ${request.url.split("?")[0]}: see /api/docs for the API`,
      },
    }),
  );
});
