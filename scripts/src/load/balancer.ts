import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A running balancer: its URL, how many requests it sent again to another process, and how to stop it. */
export interface Balancer {
  url: string;
  retried(): number;
  close(): Promise<void>;
}

/** Answers up to this size are read whole before they are passed on, so that a process dying mid-answer is retried. */
const BUFFER_LIMIT = 16 * 1024 * 1024;
/** How long a process that refused a connection is passed over before it is tried again. */
const REST_MS = 1000;

interface Upstream {
  url: URL;
  downUntil: number;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The whole body, or the response still streaming when it is larger than BUFFER_LIMIT. */
  body: Buffer | IncomingMessage;
}

const retriable = (request: IncomingMessage) => request.method === "GET" || request.method === "HEAD";
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length"]);

/** One try on one process: the answer, or a failure before the answer was had whole (the caller may try another). */
function forward(upstream: Upstream, request: IncomingMessage, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const out = http.request(
      new URL(request.url ?? "/", upstream.url),
      { method: request.method, headers: request.headers, agent },
      (res) => {
        const length = Number(res.headers["content-length"] ?? NaN);
        if (length > BUFFER_LIMIT) return resolve({ status: res.statusCode ?? 502, headers: res.headers, body: res });
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size > BUFFER_LIMIT) {
            // Too large to hold: pass on what came so far and stream the rest.
            res.pause();
            res.removeAllListeners("data");
            res.removeAllListeners("end");
            res.unshift(Buffer.concat(chunks));
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: res });
          }
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
        res.on("aborted", () => reject(new Error("the answer was cut short")));
      },
    );
    out.on("error", reject);
    if (retriable(request)) out.end();
    else request.pipe(out);
  });
}

/**
 * A small HTTP balancer in front of several API processes: each request goes to the next process in turn. A GET or
 * HEAD whose process refuses the connection, drops it or dies before its answer is whole is sent again to the next
 * process, so a process that stops loses no request another can serve. A process that failed is passed over for a
 * second. Answers are read whole before they are passed on (up to 16 MB; larger ones stream and cannot be retried
 * once started). Other methods are tried once.
 */
export async function startBalancer(targets: string[], port = 0): Promise<Balancer> {
  if (targets.length === 0) throw new Error("a balancer needs at least one process to send requests to");
  const upstreams: Upstream[] = targets.map((t) => ({ url: new URL(t), downUntil: 0 }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  let retries = 0;
  const pick = (): Upstream => {
    const now = Date.now();
    for (let i = 0; i < upstreams.length; i++) {
      const u = upstreams[next++ % upstreams.length]!;
      if (u.downUntil <= now) return u;
    }
    return upstreams[next++ % upstreams.length]!;
  };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const tries = retriable(request) ? upstreams.length : 1;
    let lastError: unknown;
    for (let attempt = 0; attempt < tries; attempt++) {
      const upstream = pick();
      if (attempt > 0) retries++;
      try {
        const answer = await forward(upstream, request, agent);
        const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
        if (Buffer.isBuffer(answer.body)) {
          response.writeHead(answer.status, { ...headers, "content-length": answer.body.length });
          response.end(answer.body);
        } else {
          response.writeHead(answer.status, headers);
          answer.body.pipe(response).on("error", () => response.destroy());
        }
        return;
      } catch (error) {
        lastError = error;
        upstream.downUntil = Date.now() + REST_MS;
        if (response.destroyed) return;
      }
    }
    const message = lastError instanceof Error ? lastError.message : String(lastError);
    response.writeHead(502, { "content-type": "application/json" });
    response.end(
      JSON.stringify({ error: { status: 502, code: "BAD_GATEWAY", message: `no process could answer: ${message}` } }),
    );
  };
  const server = http.createServer((request, response) => void handle(request, response));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    retried: () => retries,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
