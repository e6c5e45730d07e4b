import autocannon from "autocannon";
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
}

/** Both sides are asked as a browser asks, accepting gzip (a 17-byte hello-world is sent as it is). */
const HEADERS = { "accept-encoding": "gzip" };

async function hammer(url: string, seconds: number, connections: number): Promise<HttpSide> {
  await fetch(url, { headers: HEADERS }).then((r) => r.arrayBuffer()); // warm the cache
  const warm = await fetch(url, { headers: HEADERS }); // an answer as the run gets it, from memory
  const received = (await warm.arrayBuffer()).byteLength;
  const bodyBytes = Number(warm.headers.get("content-length") ?? received);
  const r = await autocannon({ url, duration: seconds, connections, pipelining: 1, headers: HEADERS });
  return {
    url,
    requestsPerSecond: r.requests.average,
    p99Ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    bodyBytes,
  };
}

/** Requests/s of a hot (cached) chipflow endpoint against a bare Fastify hello-world, each in its own process. */
export async function runHttpBench(dbPath: string, seconds: number, path: string): Promise<HttpResult> {
  const connections = 10;
  const hello = await startServer(["hello"]);
  const helloSide = await hammer(`${hello.url}/`, seconds, connections).finally(() => hello.stop());
  const app = await startServer(["app", dbPath]);
  const appSide = await hammer(`${app.url}${path}`, seconds, connections).finally(() => app.stop());
  return {
    seconds,
    connections,
    chipflow: appSide,
    hello: helloSide,
    ratio: appSide.requestsPerSecond / helloSide.requestsPerSecond,
  };
}
