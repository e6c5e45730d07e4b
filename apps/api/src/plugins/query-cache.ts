import { getDataVersion } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { LruCache } from "../lib/lru-cache.js";

export interface QueryCache {
  /** The current data version (an import anywhere changes it); checked through SQLite's cheap `data_version`. */
  version(): string;
  /** The cached result for `key`, computing and keeping it on a miss. Emptied whenever the data version changes. */
  get<T>(key: string, compute: () => T): T;
}

declare module "fastify" {
  interface FastifyInstance {
    queryCache: QueryCache;
  }
}

/** Repeated identical queries come from memory; ETag and Cache-Control come from the data version. */
export const queryCachePlugin = fp<{ max?: number }>(
  async (app: FastifyInstance, { max = 500 }) => {
    const cache = new LruCache<unknown>(max);
    let seen: number | null = null;
    let version = "";
    const check = () => {
      // PRAGMA data_version changes when another connection commits: cheap enough to ask on every request.
      const current = app.db.pragma("data_version", { simple: true }) as number;
      if (current !== seen) {
        seen = current;
        const next = getDataVersion(app.db);
        if (next !== version) cache.clear();
        version = next;
      }
      return version;
    };
    app.decorate("queryCache", {
      version: check,
      get<T>(key: string, compute: () => T): T {
        check();
        const hit = cache.get(key) as T | undefined;
        if (hit !== undefined) return hit;
        const value = compute();
        cache.set(key, value);
        return value;
      },
    });

    // Data routes answer 304 when the client holds the current version of the same URL.
    app.addHook("onRequest", async (request, reply) => {
      if (request.method !== "GET" || !request.url.startsWith("/api/v1/")) return;
      const etag = `"${check()}"`;
      void reply.header("ETag", etag).header("Cache-Control", "public, max-age=60, must-revalidate");
      if (request.headers["if-none-match"] === etag) await reply.code(304).send();
    });
    app.addHook("onSend", async (request, reply, payload) => {
      if (reply.statusCode >= 400) void reply.removeHeader("ETag").header("Cache-Control", "no-store");
      return payload;
    });
  },
  { name: "query-cache", dependencies: ["database"] },
);
