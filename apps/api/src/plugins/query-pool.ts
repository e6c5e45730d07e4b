import { QueryPool, type QueryPoolOptions } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** Queries and downloads on threads of their own, so that none holds up the event loop. */
    readonly queryPool: QueryPool;
  }
}

/** How many threads, how long a queue and how long a query may take; defaults in `QueryPool`. */
export type PoolLimits = Pick<
  QueryPoolOptions,
  "workers" | "downloads" | "maxWaiting" | "timeoutMs" | "idleMs" | "keepIdle" | "threadHeapMb"
>;

/** Starts the query threads on the database the `database` plugin watches, and ends them when the server closes. */
export const queryPoolPlugin = fp<{ path: string; url?: string | undefined; limits?: PoolLimits | undefined }>(
  async (app: FastifyInstance, { path, url, limits }) => {
    const pool = new QueryPool({ ...limits, path: url ?? path, identity: () => app.dbIdentity });
    app.decorate("queryPool", pool);
    app.addHook("onClose", async () => pool.close());
  },
  { name: "query-pool", dependencies: ["database"] },
);
