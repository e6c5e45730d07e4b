import type { Source } from "@chipflow/core";
import { useQuery } from "@tanstack/react-query";
import { eventsQueryOptions } from "../../api/events.js";
import { seriesQueryOptions } from "../../api/series.js";
import { summaryQueryOptions } from "../../api/summary.js";
import { SourcesPanel } from "../../components/SourcesPanel.js";
import { toSeriesQuery } from "../../view/queries.js";
import type { ViewState } from "../../view/view-state.js";

/** The sources panel of the view: the same queries as the charts (shared from the cache), their sources merged. */
export function ViewSources({ view }: { view: ViewState }) {
  const summary = useQuery(summaryQueryOptions());
  const series = useQuery(seriesQueryOptions(toSeriesQuery(view)));
  const events = useQuery({ ...eventsQueryOptions(), enabled: view.events });
  const all: Source[] = [
    ...(summary.data?.sources ?? []),
    ...(series.data?.sources ?? []),
    ...(view.events ? (events.data?.events.map((e) => e.source) ?? []) : []),
  ];
  const unique = [...new Map(all.map((s) => [s.id, s])).values()];
  return <SourcesPanel sources={unique} />;
}
