import {
  dialectOf,
  getChangeMarker,
  getDataVersion,
  watchDataVersion,
  watchWalIndex,
  type WalIndexWatch,
} from "@chipflow/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { OutgoingHttpHeaders } from "node:http";
import { gzipSync } from "node:zlib";
import fp from "fastify-plugin";
import { LruCache } from "../lib/lru-cache.js";
import { oncePerTurn } from "../lib/once-per-turn.js";

export interface QueryCache {
  /** The current data version (an import anywhere changes it); checked through SQLite's cheap `data_version`. */
  version(): string;
  /**
   * The cached result for `key`, computing and keeping it on a miss. Emptied whenever the data version changes.
   * Requests that miss on the same key while it is being computed share one computation; it is cancelled (given
   * `signal`, see `compute`) only when every one of them has gone (see `clientGone`).
   */
  get<T>(key: string, compute: (signal: AbortSignal) => Promise<T>, requester?: AbortSignal): Promise<T>;
  /** Forgets every stored result and answer. */
  clear(): void;
  /**
   * The stored answer of `url` when it is current (the database file unchanged, the data version the same), to be
   * sent with no hook run (`wireAnswersPlugin`); `undefined` otherwise, and always on PostgreSQL, whose version is
   * asked of the server by a hook before each request.
   */
  stored(url: string): StoredAnswer | undefined;
}

/** A computation shared by the requests that wait for it. */
interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
}

/** A signal that aborts when the client hangs up before its answer is sent. */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once("close", () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

declare module "fastify" {
  interface FastifyInstance {
    queryCache: QueryCache;
  }
}

export interface QueryCacheOptions {
  /** Most query results kept as objects. */
  max?: number;
  /** Most bytes of serialised JSON answers kept, by URL. */
  maxPayloadBytes?: number;
  /**
   * The PostgreSQL database the app reads, if any. There every request to the API first asks it for the data version
   * on a connection of the cache's own, without blocking (`watchDataVersion`), so a change committed by any process
   * is seen by the next request to every process. On SQLite the check is a read of its own file, made in line once per
   * turn of the event loop (`oncePerTurn`): every request that arrives after a commit sees it.
   */
  databaseUrl?: string | undefined;
}

/** A JSON answer as sent, and gzipped once when first asked for so: a hit is one lookup and one write. */
export interface StoredAnswer {
  version: string;
  contentType: string;
  /**
   * The headers it was first sent with, as name, value, name, value: all but those that belong to one request (its
   * id, the rate limit's count) or to one encoding (length, `content-encoding`).
   */
  headers: string[];
  body: Buffer;
  gzipped?: Buffer;
}

/** Headers set anew for every request, or for the encoding sent: never stored with an answer. */
const PER_REQUEST = new Set([
  "x-request-id",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "retry-after",
  "content-length",
  "content-encoding",
]);

const storedHeaders = (headers: OutgoingHttpHeaders): string[] =>
  Object.entries(headers).flatMap(([name, value]) =>
    PER_REQUEST.has(name) || value === undefined ? [] : [name, String(value)],
  );

let lastAccept: string | undefined;
let lastGzip = false;
/** Whether an `Accept-Encoding` takes gzip; clients send the same few values, so the last one is remembered. */
export function acceptsGzip(accept: string | undefined): boolean {
  if (accept !== lastAccept) {
    lastAccept = accept;
    lastGzip = /\bgzip\b/.test(accept ?? "");
  }
  return lastGzip;
}

/** The bytes of a stored answer in the encoding the client takes; compressed on the first repeat asking for gzip. */
export function storedBody(answer: StoredAnswer, gzip: boolean): Buffer {
  return gzip ? (answer.gzipped ??= gzipSync(answer.body)) : answer.body;
}

/**
 * Sends a stored answer in the encoding the client accepts, with the headers the hooks before have set. Browsers take
 * gzip, and a series shrinks about tenfold; the compression is paid once, on the first repeat, so a query asked only
 * once costs no compression at all. The answer is written straight to the response, as Fastify would write it once
 * done with it: the bytes are final, so its send path (serialisation, onSend hooks) has nothing to do. The
 * response's listeners (the log line, onResponse hooks) are set before the hooks run, so they still see it.
 */
function sendStored(request: FastifyRequest, reply: FastifyReply, p: StoredAnswer): void {
  const gzip = acceptsGzip(request.headers["accept-encoding"]);
  const body = storedBody(p, gzip);
  const headers = reply.getHeaders() as OutgoingHttpHeaders;
  headers["content-type"] = p.contentType;
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = body.length;
  reply.hijack();
  reply.raw.writeHead(200, headers).end(body);
}

const isDataRequest = (request: FastifyRequest) => request.method === "GET" && request.url.startsWith("/api/v1/");

/**
 * Repeated identical queries come from memory; ETag and Cache-Control come from the data version. Two levels:
 * query results by their normalised query (a view's result for its CSV and workbook, and apart from it the JSON
 * bytes its query thread wrote), and the serialised JSON answer by exact URL, served before validation and routing
 * (only a 200 of the same URL under the same data version is ever stored, so the request was valid): over HTTP as
 * the request comes off the socket (`wireAnswersPlugin`), and here, after the hooks, for what that leaves to them.
 */
export const queryCachePlugin = fp<QueryCacheOptions>(
  async (app: FastifyInstance, { max = 500, maxPayloadBytes = 64 * 1024 * 1024, databaseUrl }) => {
    const watch = databaseUrl && dialectOf(app.db).name === "postgres" ? watchDataVersion(databaseUrl) : null;
    const cache = new LruCache<unknown>(max);
    const payloads = new LruCache<StoredAnswer>(max, maxPayloadBytes, (p) => 2 * p.body.length); // room for the gzipped copy
    let seen: string | null = null;
    let version = "";
    let handle: typeof app.db | null = null;
    let walIndex: WalIndexWatch | null = null;
    const clear = () => {
      cache.clear();
      payloads.clear();
    };
    const update = (next: string) => {
      if (next !== version) clear();
      version = next;
    };
    // The change marker moves when another connection commits. A reopened database (its file replaced) is a new
    // connection: its counter starts anew, so the handle counts too. SQLite is asked only when the WAL index's
    // header has moved (a read of 48 bytes, where SQLite takes locks): every commit moves it.
    const sqliteVersion = oncePerTurn(() => {
      if (handle !== app.db) {
        handle = app.db;
        seen = null;
        walIndex?.close();
        walIndex = watchWalIndex(app.db);
      }
      if (walIndex?.moved() === false) return version;
      const current = getChangeMarker(app.db);
      if (current !== seen) {
        seen = current;
        update(getDataVersion(app.db));
      }
      return version;
    });
    const check = () => {
      if (!watch) return sqliteVersion();
      // Brought up to date before every request (see the onRequest hook below); the server's own handle must be
      // open all the same, as it would be asked on SQLite.
      if (!app.db.open) throw new Error("The database connection is not open");
      return version;
    };
    const inFlight = new Map<string, InFlight>();
    app.decorate("queryCache", {
      version: check,
      clear,
      stored(url: string) {
        if (watch) return undefined;
        const hit = payloads.get(url);
        return hit !== undefined && app.dbUnchanged() && hit.version === sqliteVersion() ? hit : undefined;
      },
      async get<T>(key: string, compute: (signal: AbortSignal) => Promise<T>, requester?: AbortSignal): Promise<T> {
        const at = check();
        const hit = cache.get(key) as T | undefined;
        if (hit !== undefined) return hit;
        const flightKey = `${at}\u0000${key}`;
        let flight = inFlight.get(flightKey);
        if (!flight) {
          const controller = new AbortController();
          const started: InFlight = { promise: Promise.resolve(), controller, waiting: 0 };
          // Forgotten once settled or abandoned, so that a later request starts afresh rather than joining it.
          const forget = () => {
            if (inFlight.get(flightKey) === started) inFlight.delete(flightKey);
          };
          started.promise = compute(controller.signal)
            .then((value) => {
              if (version === at) cache.set(key, value);
              return value;
            })
            .finally(forget);
          inFlight.set(flightKey, (flight = started));
        }
        const shared = flight;
        shared.waiting++;
        requester?.addEventListener(
          "abort",
          () => {
            if (--shared.waiting > 0) return;
            if (inFlight.get(flightKey) === shared) inFlight.delete(flightKey);
            shared.controller.abort();
          },
          { once: true },
        );
        return shared.promise as Promise<T>;
      },
    });

    if (watch) {
      update(await watch.current());
      app.addHook("onRequest", async (request) => {
        if (request.url.startsWith("/api/")) update(await watch.current());
      });
      app.addHook("onClose", () => watch.close());
    }
    app.addHook("onClose", async () => {
      walIndex?.close();
      walIndex = null;
    });
    // Data routes answer 304 when the client holds the current version of the same URL, and a stored answer
    // of the same URL when there is one.
    app.addHook("onRequest", (request, reply, done) => {
      if (!isDataRequest(request)) return done();
      const etag = `"${check()}"`;
      void reply
        .header("ETag", etag)
        .header("Cache-Control", "public, max-age=60, must-revalidate")
        .header("Vary", "Accept-Encoding");
      if (request.headers["if-none-match"] === etag) void reply.code(304).send();
      else done();
    });
    // After every onRequest hook (the rate limit's is one) and before validation and the handler.
    app.addHook("preValidation", (request, reply, done) => {
      const hit = isDataRequest(request) ? payloads.get(request.url) : undefined;
      if (hit?.version !== version) return done();
      sendStored(request, reply, hit);
    });
    app.addHook("onSend", (request, reply, payload, done) => {
      if (reply.statusCode >= 400) void reply.removeHeader("ETag").header("Cache-Control", "no-store");
      const contentType = String(reply.getHeader("content-type") ?? "");
      if (
        reply.statusCode === 200 &&
        (typeof payload === "string" || Buffer.isBuffer(payload)) &&
        contentType.startsWith("application/json") &&
        isDataRequest(request)
      ) {
        const etag = reply.getHeader("etag");
        if (etag === `"${version}"`) {
          const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
          const headers = storedHeaders(reply.getHeaders() as OutgoingHttpHeaders);
          payloads.set(request.url, { version, contentType, headers, body });
          return done(null, body);
        }
      }
      done(null, payload);
    });
  },
  { name: "query-cache", dependencies: ["database"] },
);
