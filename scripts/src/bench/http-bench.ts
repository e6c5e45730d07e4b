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
  /** Each side's `seconds` are taken in this many turns, in rotation with the other sides. */
  rounds: number;
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

/** How many times each side is hammered, in turn with the others, within its `seconds`. */
const ROUNDS = 5;

/** One side's rounds as one result: requests a second over all of them, the worst round's p99, every error. */
function combine(rounds: HttpSide[]): HttpSide {
  const sum = (f: (s: HttpSide) => number) => rounds.reduce((n, s) => n + f(s), 0);
  return {
    url: rounds[0]!.url,
    requestsPerSecond: sum((s) => s.requestsPerSecond) / rounds.length, // equal durations: the mean is the rate
    p99Ms: Math.max(...rounds.map((s) => s.p99Ms)),
    errors: sum((s) => s.errors),
    non2xx: sum((s) => s.non2xx),
    bodyBytes: rounds[0]!.bodyBytes,
  };
}

/**
 * Requests/s of a hot (cached) chipflow endpoint against two bare Fastify servers, each in its own process: a
 * hello-world, and one replaying chipflow's recorded answer to the same request (same headers, same gzipped bytes).
 * The three are hammered in turn, `ROUNDS` times for a fifth of `seconds` each, the order rotating every round, so
 * that a machine that speeds up or slows down during the run (a shared host) weighs on all three alike.
 */
export async function runHttpBench(
  dbPath: string,
  seconds: number,
  path: string,
  answerFile: string,
): Promise<HttpResult> {
  const connections = 10;
  const replayed = await startServer(["app", dbPath]);
  try {
    await record(`${replayed.url}${path}`); // the first answer fills the cache; the second is the hot one
    writeFileSync(answerFile, JSON.stringify(await record(`${replayed.url}${path}`)));
  } finally {
    await replayed.stop();
  }
  const servers = [
    await startServer(["hello"]).then((s) => ({ ...s, url: `${s.url}/` })),
    await startServer(["app", dbPath]).then((s) => ({ ...s, url: `${s.url}${path}` })),
    await startServer(["replay", answerFile]).then((s) => ({ ...s, url: `${s.url}${path}` })),
  ];
  const rounds: HttpSide[][] = servers.map(() => []);
  try {
    for (let round = 0; round < ROUNDS; round++)
      for (let k = 0; k < servers.length; k++) {
        const i = (round + k) % servers.length;
        rounds[i]!.push(await hammer(servers[i]!.url, seconds / ROUNDS, connections));
      }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  const [hello, chipflow, replay] = rounds.map(combine) as [HttpSide, HttpSide, HttpSide];
  return {
    seconds,
    rounds: ROUNDS,
    connections,
    chipflow,
    hello,
    ratio: chipflow.requestsPerSecond / hello.requestsPerSecond,
    replay,
    replayRatio: chipflow.requestsPerSecond / replay.requestsPerSecond,
  };
}
