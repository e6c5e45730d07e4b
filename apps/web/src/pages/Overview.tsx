import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, type ReactNode } from "react";
import { dimensionsQueryOptions } from "../api/dimensions.js";
import { Filters } from "../components/Filters.js";
import { HeadlineTiles } from "../components/HeadlineTiles.js";
import { useViewState } from "../view/useViewState.js";
import type { ViewState } from "../view/view-state.js";
import { FlowCard } from "./overview/FlowCard.js";
import { RankingCard } from "./overview/RankingCard.js";
import { SeriesCard } from "./overview/SeriesCard.js";
import { isDefaultView } from "./overview/story.js";
import { StoryStrip } from "./overview/StoryStrip.js";
import { ViewSources } from "./overview/ViewSources.js";

// The map carries the world's outlines (about 100 KB): it loads after the first charts.
const MapCard = lazy(() => import("./overview/MapCard.js"));

/**
 * The dashboard: headline figures, filters, and the charts of the view held in the URL; `base` is the view of a bare
 * URL (the default, or a curated view's preset), and `intro` what a curated view says before its charts.
 */
export function Overview({ base, intro }: { base?: ViewState; intro?: ReactNode }) {
  const [view, setView] = useViewState(base);
  const dimensions = useQuery(dimensionsQueryOptions());
  return (
    <main>
      {intro}
      <HeadlineTiles />
      {/* The story opens the default dashboard only: a curated or filtered view keeps its own charts first. */}
      {base === undefined && isDefaultView(view) ? <StoryStrip onChange={setView} /> : null}
      <Filters view={view} dimensions={dimensions.data} onChange={setView} />
      <div className="charts">
        <SeriesCard view={view} onChange={setView} />
        <FlowCard view={view} onChange={setView} />
        <RankingCard view={view} onChange={setView} />
        <Suspense
          fallback={
            <section className="card">
              <div className="placeholder" style={{ height: 380 }} role="status">
                Loading the map…
              </div>
            </section>
          }
        >
          <MapCard view={view} onChange={setView} />
        </Suspense>
      </div>
      <ViewSources view={view} />
    </main>
  );
}
