import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { existsSync } from "node:fs";
import { isZod, toJsonSchema, zodValidatorCompiler } from "./lib/zod-schemas.js";
import { databasePlugin } from "./plugins/database.js";
import { errorsPlugin } from "./plugins/errors.js";
import { DEFAULT_LIMITS, limitsPlugin, limitsServerOptions, type RequestLimits } from "./plugins/limits.js";
import { routedPath } from "./lib/routed-path.js";
import { DEFAULT_RATE_LIMIT, rateLimitPlugin, type RateLimitOptions } from "./plugins/rate-limit.js";
import { requestLoggingPlugin, requestLoggingServerOptions } from "./plugins/request-logging.js";
import { queryCachePlugin } from "./plugins/query-cache.js";
import { queryPoolPlugin, type PoolLimits } from "./plugins/query-pool.js";
import { wireAnswersPlugin } from "./plugins/wire-answers.js";
import { EMBED_SECURITY, securityPlugin } from "./plugins/security.js";
import { healthRoutes } from "./routes/health.js";
import { breakdownRoutes } from "./routes/v1/breakdown.js";
import { dimensionsRoutes } from "./routes/v1/dimensions.js";
import { eventsRoutes } from "./routes/v1/events.js";
import { factsRoutes } from "./routes/v1/facts.js";
import { flowsRoutes } from "./routes/v1/flows.js";
import { seriesRoutes } from "./routes/v1/series.js";
import { sourcesRoutes } from "./routes/v1/sources.js";
import { summaryRoutes } from "./routes/v1/summary.js";

export interface AppOptions {
  /** Path of the SQLite file, opened read-only. */
  dbPath: string;
  /**
   * A PostgreSQL database (`postgres://…`, as `CHIPFLOW_DATABASE_URL` gives it) to read instead of the SQLite file:
   * every connection read-only.
   */
  databaseUrl?: string | undefined;
  /** The built web app to serve at `/`; omitted in API-only tests. */
  webRoot?: string | undefined;
  logger?: FastifyServerOptions["logger"];
  /** Per-address limit on the data endpoints; `false` turns it off (benchmarks, load tests). */
  rateLimit?: RateLimitOptions | false;
  /** URL, body and path-parameter size limits; defaults in DEFAULT_LIMITS. */
  limits?: Partial<RequestLimits>;
  /** Query and download threads, their queues and the time a query may take; defaults in `QueryPool`. */
  pool?: PoolLimits;
}

/** The whole chipflow server as one Fastify instance: API under /api, the dashboard at /. */
export async function buildApp(options: AppOptions) {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({ ...limitsServerOptions(limits), ...requestLoggingServerOptions(options.logger) });
  app.setValidatorCompiler(zodValidatorCompiler);
  // Routes declare zod schemas: requests are validated by zod itself, responses are serialised (and
  // documented) from the JSON Schema of their zod schema.
  app.addHook("onRoute", (route) => {
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (!response) return;
    for (const [status, schema] of Object.entries(response)) {
      if (isZod(schema)) response[status] = toJsonSchema(schema, "output");
    }
  });

  await app.register(errorsPlugin);
  await app.register(requestLoggingPlugin);
  await app.register(limitsPlugin, { limits });
  await app.register(securityPlugin);
  await app.register(rateLimitPlugin, { limit: options.rateLimit ?? DEFAULT_RATE_LIMIT });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "chipflow API",
        version: "1",
        description: "Semiconductor trade flows with the source of every figure. JSON everywhere; CSV where noted.",
      },
    },
    transform: ({ schema, url }) => {
      const querystring = schema?.querystring;
      return {
        url,
        schema: isZod(querystring) ? { ...schema, querystring: toJsonSchema(querystring, "input") } : schema,
      };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  await app.register(databasePlugin, { path: options.dbPath, url: options.databaseUrl });
  await app.register(queryPoolPlugin, { path: options.dbPath, url: options.databaseUrl, limits: options.pool });
  await app.register(queryCachePlugin, { databaseUrl: options.databaseUrl });
  await app.register(wireAnswersPlugin);
  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      await v1.register(dimensionsRoutes);
      await v1.register(seriesRoutes);
      await v1.register(breakdownRoutes);
      await v1.register(flowsRoutes);
      await v1.register(factsRoutes);
      await v1.register(summaryRoutes);
      await v1.register(sourcesRoutes);
      await v1.register(eventsRoutes);
    },
    { prefix: "/api/v1" },
  );

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      wildcard: false,
      index: ["index.html"],
      // The build writes a brotli and a gzip copy of each text file (apps/web/vite.config.ts): sent to browsers that
      // accept them, the app's script is about a third of its size on the wire, at no cost per request.
      preCompressed: true,
      // Built assets carry a hash of their content in their name: a browser may keep them for good. The page that
      // names them is checked again every time, so a new build is seen at once.
      setHeaders: (res, path) => {
        void res.header(
          "cache-control",
          /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
    // Client-side routes fall back to the dashboard; unknown API paths (however spelled) and missing files (a name
    // with an extension, such as an old asset) stay 404s. Embeds (one chart alone) are the same page, allowed to be
    // framed by other sites.
    const page = (request: FastifyRequest, reply: FastifyReply) => {
      const path = routedPath(request);
      return path.startsWith("/api/") || /\.[a-z0-9]+$/i.test(path)
        ? reply.callNotFound()
        : reply.sendFile("index.html");
    };
    app.get("/*", page);
    app.get("/embed/*", EMBED_SECURITY, page);
  }
  return app;
}
