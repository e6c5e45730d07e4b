import { useQuery } from "@tanstack/react-query";
import { dimensionsQueryOptions } from "../api/dimensions.js";
import { Filters } from "../components/Filters.js";
import { HeadlineTiles } from "../components/HeadlineTiles.js";
import { useViewState } from "../view/useViewState.js";
import { SeriesCard } from "./overview/SeriesCard.js";
import { ViewSources } from "./overview/ViewSources.js";

/** The dashboard: headline figures, filters, and the charts of the view held in the URL. */
export function Overview() {
  const [view, setView] = useViewState();
  const dimensions = useQuery(dimensionsQueryOptions());
  return (
    <main>
      <HeadlineTiles />
      <Filters view={view} dimensions={dimensions.data} onChange={setView} />
      <div className="charts">
        <SeriesCard view={view} onChange={setView} />
      </div>
      <ViewSources view={view} />
    </main>
  );
}
