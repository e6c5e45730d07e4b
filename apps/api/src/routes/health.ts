import { apiErrorSchema, healthSchema } from "@chipflow/core";
import type { FastifyInstance } from "fastify";

/** `GET /api/health`: the database answers, which data version it holds, and when it was last imported. */
export async function healthRoutes(app: FastifyInstance) {
  let counted: { dataVersion: string; facts: number; importedAt: string | null } | undefined;
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
          const row = app.db
            .prepare(
              'SELECT (SELECT count(*) FROM facts) AS facts, (SELECT max(imported_at) FROM datasets) AS "importedAt"',
            )
            .get() as { facts: number; importedAt: string | null };
          counted = { dataVersion, ...row };
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
