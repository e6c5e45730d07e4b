import type { FastifyInstance, FastifyReply, FastifyServerOptions } from "fastify";
import fp from "fastify-plugin";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";

/** Size limits on what a client may send. */
export interface RequestLimits {
  /** Longest URL (path and query string) in characters; longer gets a 414. */
  maxUrlLength: number;
  /** Largest request body in bytes; larger gets a 413. The API only reads, so bodies are never needed. */
  bodyLimit: number;
  /** Longest path parameter in characters. */
  maxParamLength: number;
}

export const DEFAULT_LIMITS: RequestLimits = { maxUrlLength: 4096, bodyLimit: 16 * 1024, maxParamLength: 200 };

const errorBody = (status: number, code: string, message: string) =>
  JSON.stringify({ error: { status, code, message } });

/**
 * The server options that enforce the limits, and that answer even the errors Fastify raises before routing
 * (a malformed URL, an over-long parameter, a request Node cannot parse) in the one error shape.
 */
export function limitsServerOptions(limits: RequestLimits): Partial<FastifyServerOptions> {
  return {
    bodyLimit: limits.bodyLimit,
    routerOptions: { maxParamLength: limits.maxParamLength },
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      const code = error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "URI_TOO_LONG" : "BAD_URL";
      const message =
        code === "URI_TOO_LONG"
          ? `a path segment is longer than ${limits.maxParamLength} characters`
          : "the URL is not valid: percent-encode reserved characters (%25 for %)";
      void (reply as FastifyReply)
        .status(status)
        .type("application/json")
        .send(errorBody(status, code, message));
    },
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      if (error.code === "ECONNRESET" || socket.destroyed) return;
      const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
      const body = errorBody(status, status === 400 ? "BAD_REQUEST" : `HTTP_${status}`, STATUS_CODES[status] ?? "");
      if (socket.writable) {
        socket.write(
          `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
            `Content-Type: application/json\r\nConnection: close\r\n\r\n${body}`,
        );
      }
      socket.destroy(error);
    },
  };
}

/** Refuses URLs longer than `maxUrlLength` with a 414 before any route runs. */
export const limitsPlugin = fp<{ limits: RequestLimits }>(
  async (app: FastifyInstance, { limits }) => {
    app.addHook("onRequest", (request, reply, done) => {
      if (request.url.length <= limits.maxUrlLength) return done();
      void reply
        .status(414)
        .type("application/json")
        .send(
          errorBody(
            414,
            "URI_TOO_LONG",
            `the URL is ${request.url.length} characters long; send at most ${limits.maxUrlLength}`,
          ),
        );
    });
  },
  { name: "limits" },
);
