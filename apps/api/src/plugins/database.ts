import { openReadonly, type ReadonlyDb } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** The read-only database handle: the API never writes. */
    db: ReadonlyDb;
  }
}

export interface DatabaseOptions {
  path: string;
}

/** Opens the database read-only for the app's lifetime. */
export const databasePlugin = fp<DatabaseOptions>(
  async (app: FastifyInstance, { path }) => {
    const db = openReadonly(path);
    app.decorate("db", db);
    app.addHook("onClose", async () => db.close());
  },
  { name: "database" },
);
