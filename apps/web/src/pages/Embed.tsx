import { lazy, Suspense, useEffect } from "react";
import { toViewPageUrl } from "../downloads/chart-links.js";
import { useViewState } from "../view/useViewState.js";
import type { ChartId } from "../views/embedded-chart.js";
import { postEmbedHeight } from "../views/post-embed-height.js";
import { SeriesCard } from "./overview/SeriesCard.js";

// The overview loads these after its first screen; an embed of one loads it alone.
const FlowCard = lazy(() => import("./overview/FlowCard.js").then((m) => ({ default: m.FlowCard })));
const RankingCard = lazy(() => import("./overview/RankingCard.js").then((m) => ({ default: m.RankingCard })));
const MapCard = lazy(() => import("./overview/MapCard.js"));

const CARDS = { series: SeriesCard, flows: FlowCard, ranking: RankingCard, map: MapCard } as const;

/**
 * One chart alone, for an iframe on another site (`/embed/<chart>?<view>`): its title, the chart, its source line
 * and a link to the full view; no header, filters or other charts. The view lives in the URL as on the dashboard.
 * In a frame it posts its height to the framing page whenever that changes, for the snippet's script to size it.
 */
export function Embed({ chart }: { chart: ChartId }) {
  const [view, setView] = useViewState();
  useEffect(() => postEmbedHeight(chart), [chart]);
  const Card = CARDS[chart];
  return (
    <main className="embed">
      <Suspense
        fallback={
          <div className="placeholder" role="status">
            Loading the chart…
          </div>
        }
      >
        <Card view={view} onChange={setView} />
      </Suspense>
      <p className="embed-footer">
        <a href={`${toViewPageUrl(window.location, view)}#${chart}`} target="_blank" rel="noreferrer">
          Open the full view on chipflow
        </a>{" "}
        — filters, the other charts, and every source.
      </p>
    </main>
  );
}
