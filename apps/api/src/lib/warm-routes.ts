import { warmUpQueries } from "@chipflow/db";
import type { FastifyInstance } from "fastify";

/**
 * How often each request is made: the first pass compiles the routes' code, the second finds it compiled. The
 * answer cache is emptied after each, so that the second computes its answers again rather than find them stored.
 */
const ROUNDS = 2;

/** What the dashboard's first screen asks besides its views' queries, the same for every view. */
const FIRST_SCREEN = ["/api/v1/events", "/api/v1/dimensions", "/api/v1/summary"];

/** The URLs of the dashboard's data requests that `warmRoutes` makes. */
export function warmUpUrls(app: FastifyInstance): string[] {
  const views = warmUpQueries(app.db).map(({ view, query }) => {
    const params = Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]);
    return `/api/v1/${view}?${new URLSearchParams(params).toString()}`;
  });
  return [...views, ...FIRST_SCREEN];
}

/**
 * Makes the dashboard's data requests (`warmUpQueries`: series, a breakdown and a flow of the last vendor stored;
 * the events, dimensions and summary of its first screen) through the app itself before it listens, then empties
 * the query cache: the first user's requests find the routes, hooks and validators compiled, and no answer stored.
 * Each request is logged under the id `warm-up-<n>` and counted against the address `warm-up`, not a client's.
 * Returns how many answered 200.
 */
export async function warmRoutes(app: FastifyInstance): Promise<number> {
  const urls = warmUpUrls(app);
  let answered = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, url] of urls.entries()) {
      const response = await app.inject({
        url,
        remoteAddress: "warm-up",
        headers: { "x-request-id": `warm-up-${round * urls.length + i + 1}` },
      });
      if (response.statusCode === 200) answered++;
    }
    app.queryCache.clear();
  }
  return answered;
}
