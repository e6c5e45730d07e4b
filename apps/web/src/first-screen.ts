import type { QueryClient } from "@tanstack/react-query";
import { eventsQueryOptions } from "./api/events.js";
import { seriesQueryOptions } from "./api/series.js";
import { NVIDIA_CHINA_VIEW, SHARE_VIEW, isDefaultView } from "./pages/overview/story.js";
import { toSeriesQuery } from "./view/queries.js";
import { parseViewState, type ViewState } from "./view/view-state.js";
import { findCuratedView } from "./views/curated-views.js";

const series = (client: QueryClient, view: ViewState) => client.prefetchQuery(seriesQueryOptions(toSeriesQuery(view)));

/**
 * Starts the queries of the charts at the top of a page, in the order they stand on it, into the app's query cache
 * before the app itself has loaded: the charts then find their data there, or on its way, and never ask twice. On
 * the overview (or a curated view) that is the view's series, after the story's two charts and the events when the
 * story opens the page (the default view); other pages (embeds, the bilateral view) start nothing early.
 */
export function prefetchFirstScreen(client: QueryClient, location: { pathname: string; search: string }): void {
  const curated = findCuratedView(location.pathname);
  if (!curated && location.pathname !== "/") return;
  const view = parseViewState(location.search, curated?.view);
  if (!curated && isDefaultView(view)) {
    void series(client, SHARE_VIEW);
    void series(client, NVIDIA_CHINA_VIEW);
    void client.prefetchQuery(eventsQueryOptions());
  }
  void series(client, view);
}
