import { dimensionsSchema } from "@chipflow/core";
import { listDimensions } from "@chipflow/db";
import type { FastifyInstance } from "fastify";

export async function dimensionsRoutes(app: FastifyInstance) {
  app.get(
    "/dimensions",
    {
      schema: {
        tags: ["dimensions"],
        summary: "Vendors, products, countries, buyers, datasets, metrics and the period range present",
        response: { 200: dimensionsSchema },
      },
    },
    async () => listDimensions(app.db),
  );
}
