import { buildApp, type AppOptions } from "./app.js";

export interface ServerOptions extends AppOptions {
  port: number;
  host: string;
}

/** Starts the app and closes it cleanly on SIGINT/SIGTERM, letting in-flight requests finish. */
export async function startServer(options: ServerOptions) {
  const app = await buildApp(options);
  await app.listen({ port: options.port, host: options.host });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, "shutting down");
      void app.close().then(() => process.exit(0));
    });
  }
  return app;
}
