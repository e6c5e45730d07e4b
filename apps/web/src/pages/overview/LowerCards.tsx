import { lazy, Suspense } from "react";
import type { ViewState } from "../../view/view-state.js";
import { CardLoading } from "./CardLoading.js";
import { FlowCard } from "./FlowCard.js";
import { RankingCard } from "./RankingCard.js";

// The map carries the world's outlines (about 100 KB): a chunk of its own.
const MapCard = lazy(() => import("./MapCard.js"));

/**
 * The overview's cards below its first screen: the flows, the ranking and the map. Loaded as a chunk of their own
 * once the first screen's charts are drawn.
 */
export default function LowerCards({ view, onChange }: { view: ViewState; onChange: (next: ViewState) => void }) {
  return (
    <>
      <FlowCard view={view} onChange={onChange} />
      <RankingCard view={view} onChange={onChange} />
      <Suspense fallback={<CardLoading what="the map" />}>
        <MapCard view={view} onChange={onChange} />
      </Suspense>
    </>
  );
}
