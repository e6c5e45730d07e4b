import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { acceptsGzip, storedBody, type StoredAnswer } from "./query-cache.js";
import { toRequestId } from "./request-logging.js";

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

const GZIP = ["content-encoding", "gzip"];
const IDENTITY: string[] = [];

/**
 * Serves a current stored answer (`queryCache.stored`) as the request comes off the socket, before Fastify builds
 * its request and reply, routes it and runs its hooks: a GET of a URL answered before under the same data version.
 * The answer goes out with the headers it was first sent with (the security headers, ETag, Cache-Control, Vary,
 * its type) and a fresh request id; it is counted against the rate limit and logged as Fastify would. Everything
 * else goes to Fastify: a request that revalidates (`If-None-Match`, answered 304 by a hook), one from an address
 * over its limit (answered 429), one after the database file was replaced or removed, every request once the server
 * is closing, and every request in-process (`inject` calls Fastify's handler directly).
 */
export const wireAnswersPlugin = fp(
  async (app: FastifyInstance) => {
    const [route] = app.server.listeners("request") as Listener[];
    if (!route) throw new Error("the server has no request listener to put stored answers in front of");
    let closing = false;
    app.addHook("preClose", (done) => {
      closing = true;
      done();
    });
    const logging = ["trace", "debug", "info"].includes(app.log.level);

    const send = (request: IncomingMessage, response: ServerResponse, answer: StoredAnswer, limit: string[]) => {
      const id = toRequestId(request);
      if (logging) logRequest(app, id, request, response);
      const gzip = acceptsGzip(request.headers["accept-encoding"]);
      const body = storedBody(answer, gzip);
      response.writeHead(200, [
        ...answer.headers,
        "x-request-id",
        id,
        ...limit,
        "content-length",
        String(body.length),
        ...(gzip ? GZIP : IDENTITY),
      ]);
      response.end(body);
    };

    app.server.removeListener("request", route);
    app.server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      const answer =
        request.method === "GET" && request.headers["if-none-match"] === undefined && !closing
          ? app.queryCache.stored(request.url ?? "")
          : undefined;
      if (answer === undefined) return route(request, response);
      const count = app.countUnrouted;
      if (!count) return send(request, response, answer, IDENTITY);
      count(request).then(
        (limit) => (limit ? send(request, response, answer, limit) : route(request, response)),
        () => route(request, response),
      );
    });
  },
  { name: "wire-answers", dependencies: ["query-cache"] },
);

/** The two lines Fastify logs for a request, with the same fields, and `stored: true` on the second. */
function logRequest(app: FastifyInstance, reqId: string, raw: IncomingMessage, response: ServerResponse) {
  const started = performance.now();
  const log = app.log.child({ reqId });
  // The fields Fastify's request serializer reads.
  const req = {
    method: raw.method,
    url: raw.url,
    headers: raw.headers,
    host: raw.headers.host,
    ip: raw.socket.remoteAddress,
    socket: raw.socket,
  };
  log.info({ req }, "incoming request");
  response.once("finish", () => {
    log.info(
      { res: { statusCode: response.statusCode }, responseTime: performance.now() - started, stored: true },
      "request completed",
    );
  });
}
