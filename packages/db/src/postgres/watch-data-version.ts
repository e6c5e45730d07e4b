import pg from "pg";
import { postgresDialect } from "../dialect/dialect.js";
import { POSTGRES_CHANGE_MARKER } from "../queries/get-change-marker.js";
import { dataVersionSql, hashDataVersion } from "../queries/get-data-version.js";

/** The data version of a PostgreSQL database, read without blocking: see `watchDataVersion`. */
export interface DataVersionWatch {
  /**
   * The data version as of a read that started after this call: every change committed before the call is seen.
   * Calls made while a read is under way share the next one, so there is at most one read in flight and one waiting,
   * however many requests ask.
   */
  current(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Reads a PostgreSQL database's data version (`getDataVersion`) on a connection of its own, asynchronously, so that
 * a server can ask on every request without holding up its event loop. Each read asks the change marker (one small
 * round trip) and reads the version itself only when the marker moved.
 */
export function watchDataVersion(url: string): DataVersionWatch {
  const client = new pg.Client({
    connectionString: url,
    application_name: "chipflow-version",
    options: "-c default_transaction_read_only=on",
  });
  let broken: Error | null = null;
  client.on("error", (error) => (broken = error));
  const connected = client.connect();
  const versionSql = dataVersionSql(postgresDialect);
  let marker: string | null = null;
  let version = "";
  const read = async (): Promise<string> => {
    await connected;
    if (broken) throw broken;
    const now = String((await client.query({ text: POSTGRES_CHANGE_MARKER, rowMode: "array" })).rows[0]?.[0]);
    if (now !== marker) {
      const state = (await client.query({ text: versionSql, rowMode: "array" })).rows[0]?.[0] as string | null;
      version = hashDataVersion(state);
      marker = now;
    }
    return version;
  };
  let running: Promise<string> | null = null;
  let queued: Promise<string> | null = null;
  const start = (): Promise<string> => {
    const p = read().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };
  return {
    current() {
      if (!running) return start();
      // A read under way may have started before this call: wait for it, then read again (shared by every caller
      // that comes meanwhile).
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return start();
        });
      return queued;
    },
    async close() {
      await connected.catch(() => undefined);
      await client.end();
    },
  };
}
