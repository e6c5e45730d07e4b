import autocannon from "autocannon";

/** Latency percentiles of a sorted list, in ms. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * The "one request stalls all" scenario: 100 connections downloading `facts.csv` and 20 distinct uncached
 * breakdowns at once, while one client asks for health and a cached answer, one request at a time, and times each.
 * Returns the probe's latencies and the status codes the load met.
 */
export async function runStallScenario(url: string, seconds: number) {
  const cached = `${url}/api/v1/series?metric=revenue_usd&groupBy=destination&interval=quarter`;
  await (await fetch(cached)).arrayBuffer(); // cached from now on
  const downloads = autocannon({
    url,
    connections: 100,
    duration: seconds,
    timeout: 30,
    requests: [{ path: "/api/v1/facts.csv" }],
  });
  const groupings = ["destination", "vendor", "product", "origin"];
  const breakdowns = Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const res = await fetch(
        `${url}/api/v1/breakdown?metric=revenue_usd&groupBy=${groupings[i % 4]}&from=${2000 + i}-01-01`,
      );
      await res.arrayBuffer();
      return res.status;
    }),
  );
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < until; i++) {
    const t0 = performance.now();
    const res = await fetch(i % 2 ? `${url}/api/health` : cached);
    await res.arrayBuffer();
    if (res.ok) latencies.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const [load, statuses] = await Promise.all([downloads, breakdowns]);
  latencies.sort((a, b) => a - b);
  return {
    probes: latencies.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1)!,
    downloads: load.statusCodeStats,
    breakdowns: statuses.reduce<Record<number, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {}),
  };
}
