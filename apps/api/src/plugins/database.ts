import { openReadonly, type ReadonlyDb } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** The read-only database handle: the API never writes. */
    db: ReadonlyDb;
    /**
     * A read-only handle of its own, for a response that streams rows while other requests go on: a connection
     * busy iterating cannot answer another query. The caller closes it.
     */
    openReader(): ReadonlyDb;
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
    app.decorate("openReader", () => openReadonly(path));
    app.addHook("onClose", async () => db.close());
  },
  { name: "database" },
);
