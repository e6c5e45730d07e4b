import autocannon from "autocannon";
import { writeFileSync } from "node:fs";
import { request } from "node:http";
import { startServer } from "./start-server.js";

export interface HttpSide {
  url: string;
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Bytes of one answer's body as sent (gzipped where the server compresses). */
  bodyBytes: number;
}
export interface HttpResult {
  seconds: number;
  connections: number;
  chipflow: HttpSide;
  hello: HttpSide;
  ratio: number;
  /** A bare Fastify sending chipflow's own recorded answer: same status, headers and (gzipped) bytes. */
  replay: HttpSide;
  replayRatio: number;
}

/** One answer as it went over the wire, to be sent again byte for byte. */
export interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  bodyBase64: string;
}

/** The raw answer to one GET (not decompressed), with the headers a replay must send again. */
function record(url: string): Promise<RecordedAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers: HEADERS }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined && !["date", "connection", "keep-alive", "transfer-encoding"].includes(k))
            headers[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({ status: res.statusCode ?? 0, headers, bodyBase64: Buffer.concat(chunks).toString("base64") });
      });
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

/** Both sides are asked as a browser asks, accepting gzip (a 17-byte hello-world is sent as it is). */
const HEADERS = { "accept-encoding": "gzip" };

/**
 * Keeps autocannon from decoding every answer's body into a string, which it does for no use of ours: a gzipped
 * body is not text, and decoding it as UTF-8 made the load generator, not the server, the bottleneck (a bare Fastify
 * sending 23 KB of random bytes answered 2,340 requests a second to the stock client and 14,612 to this one, the
 * same 17 bytes of hello-world about as fast either way). Bytes are still counted. Every side is asked the same way.
 */
function withoutBodies(client: autocannon.Client) {
  const queue = (client as unknown as { pipelinedRequests?: { addBody?: (data: Buffer) => void } }).pipelinedRequests;
  if (queue?.addBody) queue.addBody = () => {};
}

async function hammer(url: string, seconds: number, connections: number): Promise<HttpSide> {
  await fetch(url, { headers: HEADERS }).then((r) => r.arrayBuffer()); // warm the cache
  const warm = await fetch(url, { headers: HEADERS }); // an answer as the run gets it, from memory
  const received = (await warm.arrayBuffer()).byteLength;
  const bodyBytes = Number(warm.headers.get("content-length") ?? received);
  const r = await autocannon({
    url,
    duration: seconds,
    connections,
    pipelining: 1,
    headers: HEADERS,
    setupClient: withoutBodies,
  });
  return {
    url,
    requestsPerSecond: r.requests.average,
    p99Ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    bodyBytes,
  };
}

/**
 * Requests/s of a hot (cached) chipflow endpoint against two bare Fastify servers, each in its own process: a
 * hello-world, and one replaying chipflow's recorded answer to the same request (same headers, same gzipped bytes).
 */
export async function runHttpBench(
  dbPath: string,
  seconds: number,
  path: string,
  answerFile: string,
): Promise<HttpResult> {
  const connections = 10;
  const hello = await startServer(["hello"]);
  const helloSide = await hammer(`${hello.url}/`, seconds, connections).finally(() => hello.stop());
  const app = await startServer(["app", dbPath]);
  const appSide = await hammer(`${app.url}${path}`, seconds, connections).finally(() => app.stop());
  const replayed = await startServer(["app", dbPath]);
  try {
    await record(`${replayed.url}${path}`); // the first answer fills the cache; the second is the hot one
    writeFileSync(answerFile, JSON.stringify(await record(`${replayed.url}${path}`)));
  } finally {
    await replayed.stop();
  }
  const replay = await startServer(["replay", answerFile]);
  const replaySide = await hammer(`${replay.url}${path}`, seconds, connections).finally(() => replay.stop());
  return {
    seconds,
    connections,
    chipflow: appSide,
    hello: helloSide,
    ratio: appSide.requestsPerSecond / helloSide.requestsPerSecond,
    replay: replaySide,
    replayRatio: appSide.requestsPerSecond / replaySide.requestsPerSecond,
  };
}
