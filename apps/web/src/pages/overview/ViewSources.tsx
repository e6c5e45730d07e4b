import type { Source } from "@chipflow/core";
import { useQuery } from "@tanstack/react-query";
import { breakdownQueryOptions } from "../../api/breakdown.js";
import { eventsQueryOptions } from "../../api/events.js";
import { flowsQueryOptions } from "../../api/flows.js";
import { seriesQueryOptions } from "../../api/series.js";
import { summaryQueryOptions } from "../../api/summary.js";
import { SourcesPanel } from "../../components/SourcesPanel.js";
import { toBreakdownQuery, toFlowsQuery, toSeriesQuery } from "../../view/queries.js";
import type { ViewState } from "../../view/view-state.js";

/**
 * The sources panel of the view: the same queries as the charts (shared from the cache), their sources merged.
 * Event sources count only while events are drawn, that is on a time series that has figures.
 */
export function ViewSources({ view }: { view: ViewState }) {
  const series = useQuery(seriesQueryOptions(toSeriesQuery(view))).data;
  const results = [
    useQuery(summaryQueryOptions()).data?.sources,
    series?.sources,
    useQuery(flowsQueryOptions(toFlowsQuery(view))).data?.sources,
    useQuery(breakdownQueryOptions(toBreakdownQuery(view))).data?.sources,
  ];
  const events = useQuery({ ...eventsQueryOptions(), enabled: view.events });
  const eventsDrawn = view.events && (series?.series.some((s) => s.points.length > 0) ?? false);
  const all: Source[] = [
    ...results.flatMap((r) => r ?? []),
    ...(eventsDrawn ? (events.data?.events.map((e) => e.source) ?? []) : []),
  ];
  const unique = [...new Map(all.map((s) => [s.id, s])).values()];
  return <SourcesPanel sources={unique} />;
}
