import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seriesQueryOptions } from "../src/api/series.js";
import { prefetchFirstScreen } from "../src/first-screen.js";
import { NVIDIA_CHINA_VIEW, SHARE_VIEW } from "../src/pages/overview/story.js";
import { toSeriesQuery } from "../src/view/queries.js";
import { DEFAULT_VIEW, parseViewState } from "../src/view/view-state.js";
import { CURATED_VIEWS } from "../src/views/curated-views.js";

/** Each URL fetched, in order; every answer an empty JSON object. */
function stubFetch() {
  const urls: string[] = [];
  vi.stubGlobal("fetch", (url: string) => {
    urls.push(url);
    return Promise.resolve(new Response("{}", { headers: { "content-type": "application/json" } }));
  });
  return urls;
}

/** The URL of a view's series, as its chart asks for it. */
const seriesUrl = (view: typeof DEFAULT_VIEW): string =>
  `/api/v1/series?${new URLSearchParams(toSeriesQuery(view) as Record<string, string>).toString()}`;

afterEach(() => vi.unstubAllGlobals());

describe("the first screen's data", () => {
  it("is asked for on the default dashboard in the order of the page: the story's two charts, the events, the view's series", () => {
    const urls = stubFetch();
    prefetchFirstScreen(new QueryClient(), { pathname: "/", search: "" });
    expect(urls).toHaveLength(4);
    expect(urls[0]).toContain("metric=revenue_share_pct");
    expect(urls[1]).toContain("dataset=nvidia-geo-billing");
    expect(urls[2]).toBe("/api/v1/events");
    expect(urls[3]).toEqual(seriesUrl(DEFAULT_VIEW));
  });

  it("lands in the query cache under the charts' own keys, so that no chart asks for it again", async () => {
    const urls = stubFetch();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    prefetchFirstScreen(client, { pathname: "/", search: "" });
    for (const view of [SHARE_VIEW, NVIDIA_CHINA_VIEW, parseViewState("", DEFAULT_VIEW)])
      await client.fetchQuery({ ...seriesQueryOptions(toSeriesQuery(view)), staleTime: 60_000 });
    expect(urls).toHaveLength(4);
  });

  it("is only the view's series on a curated view or a filtered dashboard, and nothing on other pages", () => {
    const urls = stubFetch();
    const curated = CURATED_VIEWS[0]!;
    prefetchFirstScreen(new QueryClient(), { pathname: `/views/${curated.slug}`, search: "" });
    expect(urls).toEqual([seriesUrl(curated.view)]);
    prefetchFirstScreen(new QueryClient(), { pathname: "/", search: "?metric=units&groupBy=product" });
    expect(urls).toHaveLength(2);
    expect(urls[1]).toContain("metric=units");
    prefetchFirstScreen(new QueryClient(), { pathname: "/embed/series", search: "" });
    prefetchFirstScreen(new QueryClient(), { pathname: "/bilateral", search: "?origin=JPN&destination=CHN" });
    expect(urls).toHaveLength(2);
  });
});
