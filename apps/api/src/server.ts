import type { FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "./app.js";

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
 * Starts the app once its rollups are in memory, and closes it cleanly on SIGINT/SIGTERM, letting in-flight requests
 * finish.
 */
export async function startServer(options: ServerOptions) {
  const app = await buildApp(options);
  // The rollups are read into memory, and the query code warmed up, before the first request rather than by it; a
  // failure here is the first query's to report.
  await app.queryPool
    .warm()
    .catch((error: unknown) => app.log.warn({ err: error }, "reading the rollups ahead failed"));
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
