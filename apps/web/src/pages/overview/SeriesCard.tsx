import { useQuery } from "@tanstack/react-query";
import { eventsQueryOptions } from "../../api/events.js";
import { seriesQueryOptions } from "../../api/series.js";
import { formatValue } from "../../charts/format.js";
import { colorAt } from "../../charts/palette.js";
import {
  MAIN_EVENTS,
  pickMainEvents,
  toEventMarks,
  toLineSeries,
  type LinePoint,
  type LineSeries,
} from "../../charts/time-series/state.js";
import { TOTAL_COLOR } from "../../charts/time-series/layout.js";
import { TimeSeriesChart } from "../../charts/time-series/TimeSeriesChart.js";
import { BasisSwitch } from "../../components/BasisSwitch.js";
import { EmptyView } from "../../components/EmptyView.js";
import { basisOf, showsNvidiaGeography } from "../../view/bases.js";
import { ChartCard } from "../../components/ChartCard.js";
import { toChartLinks } from "../../downloads/chart-links.js";
import { DataTable } from "../../components/DataTable.js";
import { KindLegend } from "../../components/KindLegend.js";
import { toSeriesQuery } from "../../view/queries.js";
import type { ViewState } from "../../view/view-state.js";
import { chartBounds, labelsLineEnds } from "./chart-bounds.js";
import { ChartError } from "../../components/ChartError.js";

const GROUP_LABEL: Record<string, string> = {
  vendor: "vendor",
  product: "product",
  category: "category",
  origin: "origin",
  destination: "destination",
  buyer: "buyer",
};

/** The time series of the view: one metric grouped by one dimension per interval, with events. */
export function SeriesCard({ view, onChange }: { view: ViewState; onChange: (next: ViewState) => void }) {
  const query = toSeriesQuery(view);
  const series = useQuery(seriesQueryOptions(query));
  const events = useQuery({ ...eventsQueryOptions(), enabled: view.events });
  const metric = series.data?.metric;
  // Units of different product categories (machines and chips) are never stacked into one height.
  const mixedUnits = (series.data?.categories.length ?? 0) > 1;
  const stackable = metric?.aggregation === "sum" && !mixedUnits;
  const mark = view.mark === "area" && stackable ? "area" : "line";
  const lines = series.data ? toLineSeries(series.data, mark === "line", basisOf) : [];
  const allMarks = view.events && events.data ? toEventMarks(events.data.events) : [];
  const span = lines.flatMap((l) => l.points.flatMap((p) => [p.start, p.end]));
  const [first, last] = [Math.min(...span.map(Number)), Math.max(...span.map(Number))];
  const eventMarks =
    view.allEvents || span.length === 0 ? allMarks : pickMainEvents(allMarks, new Date(first), new Date(last));
  const inSpan = allMarks.filter((e) => e.date.getTime() >= first && e.date.getTime() <= last).length;
  const eventSources = view.events && events.data ? events.data.events.map((e) => e.source) : [];
  const title = `${metric?.label ?? "Series"} by ${GROUP_LABEL[view.groupBy]}, per ${view.interval}`;
  const toggleTable = () =>
    onChange({
      ...view,
      tables: view.tables.includes("series") ? view.tables.filter((t) => t !== "series") : [...view.tables, "series"],
    });
  const rows = lines.flatMap((s) => s.points.map((p) => ({ s, p })));

  return (
    <ChartCard
      id="series"
      title={title}
      subtitle={
        `${metric?.unit ?? ""} per ${view.interval}; a dashed span is a figure for a longer period, drawn at its ` +
        `average per ${view.interval} and labelled with its total; ` +
        `diamonds are competing estimates, never added; the shaded band runs from low to high` +
        (view.mark === "area" && !stackable
          ? mixedUnits
            ? ". Units of different product categories never add up, so they are drawn as lines"
            : ". This metric does not add up, so it is drawn as lines"
          : "") +
        (mark === "area" && series.data?.total
          ? ". World, the reported total, is drawn as a line only, never stacked"
          : "")
      }
      units={`${metric?.label ?? ""} (${metric?.unit ?? ""}) per ${view.interval}`}
      status={series.status}
      updating={series.isPlaceholderData}
      error={series.error}
      errorView={<ChartError error={series.error} view={view} onChange={onChange} />}
      empty={lines.length === 0}
      emptyView={<EmptyView view={view} onChange={onChange} />}
      banner={showsNvidiaGeography(view) ? <BasisSwitch view={view} onChange={onChange} /> : null}
      controls={
        <>
          {mark === "line" ? (
            <button
              type="button"
              className="scale-toggle"
              aria-pressed={view.scale === "log"}
              onClick={() => onChange({ ...view, scale: view.scale === "log" ? "linear" : "log" })}
            >
              Log scale
            </button>
          ) : null}
          {view.events && inSpan > MAIN_EVENTS ? (
            <button
              type="button"
              className="events-toggle"
              aria-pressed={view.allEvents}
              onClick={() => onChange({ ...view, allEvents: !view.allEvents })}
            >
              {view.allEvents ? `Main events (${MAIN_EVENTS})` : `All events (${inSpan})`}
            </button>
          ) : null}
        </>
      }
      sources={series.data?.sources ?? []}
      eventSources={eventSources}
      links={toChartLinks({
        location: window.location,
        chart: "series",
        view,
        resource: "series",
        query: query as Record<string, string>,
      })}
      heightAt={(w) => chartBounds(w).height}
      showTable={view.tables.includes("series")}
      onToggleTable={toggleTable}
      chart={(width, onSelect) => (
        <TimeSeriesChart
          lines={lines}
          unit={metric!.unit}
          title={title}
          bounds={chartBounds(width)}
          mark={mark}
          endLabels={labelsLineEnds(width)}
          scale={view.scale}
          events={eventMarks}
          onSelect={onSelect}
        />
      )}
      legend={<SeriesLegend lines={lines} events={eventMarks.length > 0} />}
      table={() => (
        <DataTable<{ s: LineSeries; p: LinePoint }>
          caption={title}
          rows={rows}
          columns={[
            { label: "Series", value: (r) => r.s.label },
            { label: "Period", value: (r) => r.p.label },
            { label: "Value", value: (r) => formatValue(r.p.value, metric!.unit), numeric: true },
            { label: "Low", value: (r) => formatValue(r.p.low, metric!.unit), numeric: true },
            { label: "High", value: (r) => formatValue(r.p.high, metric!.unit), numeric: true },
            { label: "Kind", value: (r) => r.p.estimateKind },
            { label: "Basis", value: (r) => r.p.basis ?? "" },
            {
              label: "Competing estimates",
              value: (r) => r.p.alternatives.map((a) => formatValue(a.value, metric!.unit)).join(", "),
            },
            { label: "Sources", value: (r) => r.p.sourceIds.join(", ") },
          ]}
        />
      )}
    />
  );
}

function SeriesLegend({ lines, events }: { lines: LineSeries[]; events: boolean }) {
  return (
    <div className="legend-row">
      <ul className="legend" aria-label="Series">
        {lines.map((s, i) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.total ? TOTAL_COLOR : colorAt(i) }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <KindLegend events={events} />
    </div>
  );
}
