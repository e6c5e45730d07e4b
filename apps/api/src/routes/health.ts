import { apiErrorSchema, healthSchema } from "@chipflow/core";
import type { FastifyInstance } from "fastify";

/** `GET /api/health`: the database answers, and which data version it holds. */
export async function healthRoutes(app: FastifyInstance) {
  let counted: { dataVersion: string; facts: number } | undefined;
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["meta"],
        summary: "Health and data version",
        response: { 200: healthSchema, 503: apiErrorSchema },
      },
    },
    async (_request, reply) => {
      try {
        // Counting facts scans the table: once per data version, not on every health check.
        const dataVersion = app.queryCache.version();
        if (counted?.dataVersion !== dataVersion) {
          counted = { dataVersion, facts: app.db.prepare("SELECT count(*) FROM facts").pluck().get() as number };
        }
        return { status: "ok" as const, ...counted };
      } catch (error) {
        app.log.error({ err: error }, "health check failed");
        return reply
          .status(503)
          .send({ error: { status: 503, code: "UNAVAILABLE", message: "the database cannot be read" } });
      }
    },
  );
}
