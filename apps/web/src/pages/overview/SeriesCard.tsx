import { useQuery } from "@tanstack/react-query";
import { dimensionsQueryOptions } from "../../api/dimensions.js";
import { eventsQueryOptions } from "../../api/events.js";
import { seriesQueryOptions } from "../../api/series.js";
import { formatValue } from "../../charts/format.js";
import { colorAt } from "../../charts/palette.js";
import {
  MAIN_EVENTS,
  pickMainEvents,
  skipsPeriods,
  toEventMarks,
  toLineSeries,
  type LinePoint,
  type LineSeries,
} from "../../charts/time-series/state.js";
import { TOTAL_COLOR } from "../../charts/time-series/layout.js";
import { TimeSeriesChart } from "../../charts/time-series/TimeSeriesChart.js";
import {
  MODE_LABELS,
  SERIES_MODES,
  axisTitle,
  forLogScale,
  modeUnavailable,
  modeUnit,
  periodNote,
  toIndexed,
  toShares,
  type SeriesMode,
} from "../../charts/time-series/transforms.js";
import { ScaleControls } from "./ScaleControls.js";
import { BasisSwitch } from "../../components/BasisSwitch.js";
import { EmptyView } from "../../components/EmptyView.js";
import { basisOf, showsNvidiaGeography } from "../../view/bases.js";
import { ChartCard } from "../../components/ChartCard.js";
import { toChartLinks } from "../../downloads/chart-links.js";
import { DataTable } from "../../components/DataTable.js";
import { KindLegend } from "../../components/KindLegend.js";
import { toSeriesQuery } from "../../view/queries.js";
import type { ViewState } from "../../view/view-state.js";
import { viewTopic } from "../../view/view-topic.js";
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
  const dimensions = useQuery({ ...dimensionsQueryOptions(), enabled: view.events }).data;
  const metric = series.data?.metric;
  // Units of different product categories (machines and chips) are never stacked into one height.
  const mixedUnits = (series.data?.categories.length ?? 0) > 1;
  const stackable = metric?.aggregation === "sum" && !mixedUnits;
  // Every line, World's reported total among them where the response has one: the drawn lines, or a share's base.
  const all = series.data ? toLineSeries(series.data, true, basisOf) : [];
  const world = all.find((l) => l.total) ?? null;
  const facts = {
    unit: metric?.unit ?? "",
    aggregation: metric?.aggregation ?? "none",
    categories: series.data?.categories ?? [],
  };
  const modeReasons = Object.fromEntries(
    SERIES_MODES.map((m) => [m, series.data ? modeUnavailable(m, facts, all, world !== null) : null]),
  ) as Record<SeriesMode, string | null>;
  const mode = modeReasons[view.mode] === null ? view.mode : "values";
  // An index of a stack would add up indices: indexed lines are never stacked.
  const mark = view.mark === "area" && stackable && mode !== "indexed" ? "area" : "line";
  const base = mark === "line" ? all : all.filter((l) => !l.total);
  const indexed = mode === "indexed" ? toIndexed(base) : null;
  const shares = mode === "share" ? toShares(base, world) : null;
  const tableLines = indexed?.lines ?? shares?.lines ?? base;
  const logReason =
    mark === "area"
      ? "Stacked areas are drawn on a linear scale"
      : tableLines.some((l) => l.points.some((p) => p.shown > 0))
        ? null
        : "No figure above zero: a log scale has nothing to draw";
  const scale = view.scale === "log" && logReason === null ? "log" : "linear";
  const logged = scale === "log" ? forLogScale(tableLines) : null;
  const lines = logged?.lines ?? tableLines;
  const unit = modeUnit(mode, metric?.unit ?? "");
  const yTitle = axisTitle(mode, metric?.unit ?? "", {
    ...(indexed ? { bases: indexed.bases } : {}),
    ...(shares ? { denominator: shares.denominator } : {}),
    log: scale === "log",
  });
  const allMarks = view.events && events.data ? toEventMarks(events.data.events) : [];
  const span = lines.flatMap((l) => l.points.flatMap((p) => [p.start, p.end]));
  const [first, last] = [Math.min(...span.map(Number)), Math.max(...span.map(Number))];
  // A chart of chips shows the events about chips first, one of chip-making tools those about tools.
  const topic = dimensions
    ? viewTopic(
        view,
        dimensions,
        all.map((l) => l.key),
      )
    : null;
  const eventMarks =
    view.allEvents || span.length === 0 ? allMarks : pickMainEvents(allMarks, new Date(first), new Date(last), topic);
  const inSpan = allMarks.filter((e) => e.date.getTime() >= first && e.date.getTime() <= last).length;
  const eventSources = view.events && events.data ? events.data.events.map((e) => e.source) : [];
  const title = `${metric?.label ?? "Series"} by ${GROUP_LABEL[view.groupBy]}, per ${view.interval}`;
  const toggleTable = () =>
    onChange({
      ...view,
      tables: view.tables.includes("series") ? view.tables.filter((t) => t !== "series") : [...view.tables, "series"],
    });
  const rows = tableLines.flatMap((s) => s.points.map((p) => ({ s, p })));
  const fmt = (v: number | null) => formatValue(v, unit);
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  return (
    <ChartCard
      id="series"
      title={title}
      subtitle={seriesSubtitle({
        view,
        unit: metric?.unit ?? "",
        mode,
        bases: indexed?.bases,
        denominator: shares?.denominator,
        sharesLeftOut: shares?.leftOut ?? 0,
        logLeftOut: logged?.leftOut ?? null,
        modeReason: view.mode !== mode ? modeReasons[view.mode] : null,
        logReason: view.scale === "log" && scale !== "log" ? logReason : null,
        periods: periodNote(tableLines),
        stackable,
        mixedUnits,
        areaWithTotal: mark === "area" && series.data?.total != null,
        indexedLines: view.mark === "area" && stackable && mode === "indexed",
      })}
      units={`${metric?.label ?? ""} (${yTitle}) per ${view.interval}`}
      status={series.status}
      updating={series.isPlaceholderData}
      error={series.error}
      errorView={<ChartError error={series.error} view={view} onChange={onChange} />}
      empty={lines.length === 0}
      emptyView={<EmptyView view={view} onChange={onChange} />}
      banner={showsNvidiaGeography(view) ? <BasisSwitch view={view} onChange={onChange} /> : null}
      controls={
        <>
          <ScaleControls
            scale={scale}
            mode={mode}
            logUnavailable={logReason}
            modeUnavailable={modeReasons}
            onScale={(next) => onChange({ ...view, scale: next })}
            onMode={(next) => onChange({ ...view, mode: next })}
          />
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
          unit={unit}
          title={title}
          bounds={chartBounds(width)}
          mark={mark}
          endLabels={labelsLineEnds(width)}
          scale={scale}
          axisTitle={yTitle}
          {...(mode !== "values" ? { figureUnit: metric!.unit } : {})}
          events={eventMarks}
          onSelect={onSelect}
        />
      )}
      legend={
        <SeriesLegend
          lines={lines}
          events={eventMarks.length > 0}
          gaps={view.mark !== "area" && lines.some(skipsPeriods)}
        />
      }
      table={() => (
        <DataTable<{ s: LineSeries; p: LinePoint }>
          caption={title}
          rows={rows}
          columns={[
            { label: "Series", value: (r) => r.s.label },
            { label: "Period", value: (r) => r.p.label },
            { label: "Dates", value: (r) => `${iso(r.p.start)} – ${iso(r.p.end)}` },
            { label: mode === "values" ? "Value" : yTitle, value: (r) => fmt(r.p.value), numeric: true },
            ...(mode === "values"
              ? []
              : [
                  {
                    label: "Figure",
                    value: (r: { p: LinePoint }) => formatValue(r.p.figure ?? null, metric!.unit),
                    numeric: true,
                  },
                ]),
            { label: "Low", value: (r) => fmt(r.p.low), numeric: true },
            { label: "High", value: (r) => fmt(r.p.high), numeric: true },
            { label: "Kind", value: (r) => r.p.estimateKind },
            { label: "Basis", value: (r) => r.p.basis ?? "" },
            {
              label: "Competing estimates",
              value: (r) => r.p.alternatives.map((a) => fmt(a.value)).join(", "),
            },
            { label: "Sources", value: (r) => r.p.sourceIds.join(", ") },
          ]}
        />
      )}
    />
  );
}

function SeriesLegend({ lines, events, gaps }: { lines: LineSeries[]; events: boolean; gaps: boolean }) {
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
      <KindLegend events={events} gaps={gaps} />
    </div>
  );
}

/** A unit that is a currency: its ISO 4217 code (USD, EUR, JPY, TWD, CNY). */
const isCurrency = (unit: string) => /^[A-Z]{3}$/.test(unit);

/**
 * What the chart shows, in words: its unit (one currency, never converted), how the figures are transformed, its
 * periods (fiscal ones at their own dates), and what it leaves out or cannot do for this view.
 */
export function seriesSubtitle(o: {
  view: ViewState;
  unit: string;
  mode: SeriesMode;
  bases?: Map<string, string> | undefined;
  denominator?: "world" | "lines" | undefined;
  sharesLeftOut: number;
  /** Figures at or below zero left out of a log chart, or null on a linear one. */
  logLeftOut: number | null;
  modeReason: string | null;
  logReason: string | null;
  periods: string;
  stackable: boolean;
  mixedUnits: boolean;
  areaWithTotal: boolean;
  indexedLines: boolean;
}): string {
  const { view, unit } = o;
  const per = view.interval;
  const bases = [...new Set(o.bases?.values() ?? [])];
  const what =
    o.mode === "indexed"
      ? `Each line as an index of its first figure in the view (${bases.length === 1 ? `${bases[0]} = 100` : "each line's first period = 100"}), from ${unit} figures`
      : o.mode === "share"
        ? o.denominator === "world"
          ? "Each line's share (%) of World's reported total at each period (World itself is not one of the shares)"
          : "Each line's share (%) of the sum of the lines shown at each period"
        : isCurrency(unit)
          ? `${unit} per ${per}, as reported: one currency, never converted`
          : `${unit} per ${per}`;
  const parts = [
    what,
    o.periods,
    `a dashed span is a figure for a longer period, drawn at its ${o.mode === "values" ? `average per ${per} and labelled with its total` : `average per ${per}`}`,
    "diamonds are competing estimates, never added; the shaded band runs from low to high",
  ];
  const notes = [
    o.modeReason ? `${MODE_LABELS[view.mode]} is not available (${o.modeReason}), so values are shown` : "",
    o.logReason ? `Log scale is not available (${o.logReason})` : "",
    o.logLeftOut !== null
      ? `Log scale${o.logLeftOut > 0 ? `: ${o.logLeftOut} figure${o.logLeftOut === 1 ? "" : "s"} at or below zero left out` : ""}`
      : "",
    o.sharesLeftOut > 0
      ? `${o.sharesLeftOut} figure${o.sharesLeftOut === 1 ? "" : "s"} of periods World does not report left out`
      : "",
    view.mark === "area" && !o.stackable
      ? o.mixedUnits
        ? "Units of different product categories never add up, so they are drawn as lines"
        : "This metric does not add up, so it is drawn as lines"
      : "",
    o.indexedLines ? "Indexed lines are never stacked, so they are drawn as lines" : "",
    o.areaWithTotal ? "World, the reported total, is drawn as a line only, never stacked" : "",
  ].filter(Boolean);
  return [parts.join("; "), ...notes].join(". ");
}
