import type { FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "./app.js";
import { warmRoutes } from "./lib/warm-routes.js";

export interface ServerOptions extends AppOptions {
  port: number;
  host: string;
  /** How long in-flight requests may take to finish after SIGINT/SIGTERM before the process quits anyway. */
  shutdownTimeoutMs?: number;
}

export interface ShutdownOptions {
  timeoutMs: number;
  exit: (code: number) => void;
}

/**
 * Stops accepting connections, lets in-flight requests finish (Fastify answers new requests on open
 * keep-alive connections with 503 meanwhile), closes idle connections, closes the database, then exits 0 — or 1 if that takes longer
 * than `timeoutMs`.
 */
export async function shutdownGracefully(app: FastifyInstance, signal: string, options: ShutdownOptions) {
  app.log.info({ signal }, "shutting down: finishing in-flight requests");
  const timer = setTimeout(() => {
    app.log.error({ timeoutMs: options.timeoutMs }, "in-flight requests did not finish in time; exiting");
    options.exit(1);
  }, options.timeoutMs);
  timer.unref();
  // Keep-alive connections would hold the close open until they time out: close each one as soon as its
  // last response is out.
  const sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
  try {
    await app.close();
    app.log.info("shut down cleanly");
    options.exit(0);
  } catch (error) {
    app.log.error({ err: error }, "shutdown failed");
    options.exit(1);
  } finally {
    clearTimeout(timer);
    clearInterval(sweeper);
  }
}

/**
 * Reads the rollups into memory and warms up the query code and the routes (`warmRoutes`), so that the first
 * requests do not pay for it. A failure is only logged: the first query will meet it and report it.
 */
export async function warmUpApp(app: FastifyInstance): Promise<void> {
  await app.queryPool
    .warm()
    .catch((error: unknown) => app.log.warn({ err: error }, "reading the rollups ahead failed"));
  await warmRoutes(app).catch((error: unknown) => app.log.warn({ err: error }, "warming the routes up failed"));
}

/**
 * Starts the app once its rollups are in memory and its code warmed up (`warmUpApp`), and closes it cleanly on
 * SIGINT/SIGTERM, letting in-flight requests finish.
 */
export async function startServer(options: ServerOptions) {
  const app = await buildApp(options);
  await warmUpApp(app);
  await app.listen({ port: options.port, host: options.host });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void shutdownGracefully(app, signal, {
        timeoutMs: options.shutdownTimeoutMs ?? 10_000,
        exit: (code) => process.exit(code),
      });
    });
  }
  return app;
}
