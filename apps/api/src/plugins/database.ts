import { checkCollation, openPostgresReadonly, openReadonly, type ReadonlyDb } from "@chipflow/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { statSync } from "node:fs";
import { basename } from "node:path";
import { oncePerTurn } from "../lib/once-per-turn.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The read-only database handle: the API never writes. Reopened when the file is replaced. */
    readonly db: ReadonlyDb;
    /** Which file the handle reads (device and inode): it changes when the file is replaced. */
    readonly dbIdentity: string;
    /** Whether the file is the one the handle reads (checked once per turn): false when it is gone or replaced. */
    dbUnchanged(): boolean;
  }
}

export interface DatabaseOptions {
  /** The SQLite file, watched for replacement. */
  path: string;
  /** A PostgreSQL database (`postgres://…`) to read instead of the file. */
  url?: string | undefined;
}

/** Which file a handle reads: a file deleted, or replaced by another at the same path, is another identity. */
const identityOf = (path: string): string | null => {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : null;
};

/**
 * Opens the database read-only and watches its file for the API's requests (once per turn of the event loop, see
 * `oncePerTurn`): a file that is gone makes every API endpoint (health too) answer 503 saying so, never old data; a
 * file replaced at the same path (a new import, a restored copy) is reopened, so JSON and CSV alike read the new one.
 */
export const databasePlugin = fp<DatabaseOptions>(
  async (app: FastifyInstance, { path, url }) => {
    if (url) return postgresDatabase(app, url);
    let db: ReadonlyDb = openReadonly(path);
    let identity = identityOf(path);
    const currentIdentity = oncePerTurn(() => identityOf(path));
    app.decorate("db", {
      getter: () => db,
    });
    app.decorate("dbIdentity", {
      getter: () => identity ?? "",
    });
    app.decorate("dbUnchanged", () => currentIdentity() === identity);
    app.addHook("onRequest", (request, reply, done) => {
      if (!request.url.startsWith("/api/") || request.url.startsWith("/api/docs")) return done();
      const now = currentIdentity();
      if (now === null) {
        void reply
          .status(503)
          .header("retry-after", "30")
          .send({
            error: {
              status: 503,
              code: "UNAVAILABLE",
              message: `the database file ${basename(path)} is gone: restore it, or restart chipflow to seed a new one`,
            },
          });
        return;
      }
      if (now !== identity) {
        const old = db;
        db = openReadonly(path);
        identity = now;
        old.close();
        request.log.info({ path }, "database file replaced: reopened");
      }
      done();
    });
    app.addHook("onClose", async () => db.close());
  },
  { name: "database" },
);

/**
 * PostgreSQL: one read-only connection for the few small queries the server answers itself (dimensions, events,
 * the data version); the query pool's threads hold their own. No file to watch: the identity never changes.
 */
function postgresDatabase(app: FastifyInstance, url: string) {
  const db = openPostgresReadonly(url);
  checkCollation(db); // and fail at start, not on the first request, when the server cannot be reached
  app.decorate("db", { getter: () => db });
  app.decorate("dbIdentity", { getter: () => "postgres" });
  app.decorate("dbUnchanged", () => true);
  app.addHook("onClose", async () => db.close());
}
