import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, type ReactNode } from "react";
import { dimensionsQueryOptions } from "../api/dimensions.js";
import { seriesQueryOptions } from "../api/series.js";
import { Filters } from "../components/Filters.js";
import { HeadlineTiles } from "../components/HeadlineTiles.js";
import { useAfterPaint } from "../components/useAfterPaint.js";
import { toSeriesQuery } from "../view/queries.js";
import { useViewState } from "../view/useViewState.js";
import type { ViewState } from "../view/view-state.js";
import { CardLoading } from "./overview/CardLoading.js";
import { SeriesCard } from "./overview/SeriesCard.js";
import { isDefaultView } from "./overview/story.js";
import { StoryStrip } from "./overview/StoryStrip.js";
import { ViewSources } from "./overview/ViewSources.js";

// The flows, the ranking and the map (with the world's outlines) load after the first screen is drawn.
const LowerCards = lazy(() => import("./overview/LowerCards.js"));

/**
 * The dashboard: headline figures, filters, and the charts of the view held in the URL; `base` is the view of a bare
 * URL (the default, or a curated view's preset), and `intro` what a curated view says before its charts.
 */
export function Overview({ base, intro }: { base?: ViewState; intro?: ReactNode }) {
  const [view, setView] = useViewState(base);
  const dimensions = useQuery(dimensionsQueryOptions());
  // The cards below the first screen, and the sources of all, wait until the view's series is drawn: their code,
  // requests and rendering would otherwise hold up the first charts.
  const later = useAfterPaint(!useQuery(seriesQueryOptions(toSeriesQuery(view))).isPending);
  const lowerLoading = <CardLoading what="the flows, the ranking and the map" />;
  return (
    <main>
      {intro}
      <HeadlineTiles />
      {/* The story opens the default dashboard only: a curated or filtered view keeps its own charts first. */}
      {base === undefined && isDefaultView(view) ? <StoryStrip onChange={setView} /> : null}
      <Filters view={view} dimensions={dimensions.data} onChange={setView} />
      <div className="charts">
        <SeriesCard view={view} onChange={setView} />
        {later ? (
          <Suspense fallback={lowerLoading}>
            <LowerCards view={view} onChange={setView} />
          </Suspense>
        ) : (
          lowerLoading
        )}
      </div>
      {later ? <ViewSources view={view} /> : null}
    </main>
  );
}
