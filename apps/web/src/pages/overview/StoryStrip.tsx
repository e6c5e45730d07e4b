import type { Source } from "@chipflow/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { eventsQueryOptions } from "../../api/events.js";
import { seriesQueryOptions } from "../../api/series.js";
import { formatValue } from "../../charts/format.js";
import { periodNote } from "../../charts/time-series/transforms.js";
import {
  toEventMarks,
  toLineSeries,
  type EventMark,
  type LinePoint,
  type LineSeries,
} from "../../charts/time-series/state.js";
import { TimeSeriesChart } from "../../charts/time-series/TimeSeriesChart.js";
import { ChartCard } from "../../components/ChartCard.js";
import { ChartError } from "../../components/ChartError.js";
import { DataTable } from "../../components/DataTable.js";
import { toChartLinks } from "../../downloads/chart-links.js";
import { basisOf } from "../../view/bases.js";
import { toSeriesQuery } from "../../view/queries.js";
import type { ViewState } from "../../view/view-state.js";
import { STORY_END_LABELS, storyBounds } from "./story-bounds.js";
import { NVIDIA_CHINA_VIEW, SHARE_VIEW, pickH20Milestones, shareGaps, shareGapsNote } from "./story.js";

/**
 * The story the dashboard opens with: China's share of the leading chip and tool makers' revenue, and NVIDIA's
 * revenue from China with the H20's milestones. Shown on the default view only.
 */
export function StoryStrip({ onChange }: { onChange: (next: ViewState) => void }) {
  return (
    <div className="story" aria-label="The story in two charts">
      <ShareStory onChange={onChange} />
      <NvidiaStory onChange={onChange} />
    </div>
  );
}

function ShareStory({ onChange }: { onChange: (next: ViewState) => void }) {
  const series = useQuery(seriesQueryOptions(toSeriesQuery(SHARE_VIEW)));
  const lines = series.data ? toLineSeries(series.data, false, basisOf) : [];
  const note = series.data ? shareGapsNote(lines) : null;
  const { missing } = shareGaps(lines);
  return (
    <StoryCard
      id="story-share"
      title="China's share of revenue"
      subtitle={`Share (%) of each maker's revenue from China, per quarter where reported and per year otherwise; ${periodNote(lines)}`}
      view={SHARE_VIEW}
      unit={series.data?.metric.unit ?? ""}
      status={series.status}
      error={series.error}
      sources={series.data?.sources ?? []}
      lines={lines}
      endLabels
      note={note}
      emptyView={`No share figures for ${missing.join(", ")}: nothing to draw.`}
      full={{ href: "/views/chip-tools-to-china", title: "Chip tools to China" }}
      onChange={onChange}
    />
  );
}

function NvidiaStory({ onChange }: { onChange: (next: ViewState) => void }) {
  const series = useQuery(seriesQueryOptions(toSeriesQuery(NVIDIA_CHINA_VIEW)));
  const events = useQuery(eventsQueryOptions());
  const lines = series.data ? toLineSeries(series.data, false, basisOf) : [];
  const milestones = events.data ? pickH20Milestones(toEventMarks(events.data.events)) : null;
  const note =
    milestones && milestones.missing.length > 0
      ? `Milestones without an event: ${milestones.missing.join("; ")}.`
      : null;
  return (
    <StoryCard
      id="story-nvidia"
      title="NVIDIA revenue from China, by quarter"
      subtitle={`USD per fiscal quarter, as reported (billing location basis, as first reported); ${periodNote(lines)}; the H20's milestones are marked`}
      view={NVIDIA_CHINA_VIEW}
      unit={series.data?.metric.unit ?? ""}
      status={series.status}
      error={series.error}
      sources={series.data?.sources ?? []}
      lines={lines}
      events={milestones?.marks ?? []}
      eventSources={events.data?.events.map((e) => e.source) ?? []}
      note={note}
      emptyView="No quarterly figure of NVIDIA's revenue from China on the billing-location basis: nothing to draw."
      full={{ href: "/views/h20-and-china", title: "H20 and China" }}
      onChange={onChange}
    />
  );
}

function StoryCard(props: {
  id: string;
  title: string;
  subtitle: string;
  view: ViewState;
  unit: string;
  status: "pending" | "error" | "success";
  error: Error | null;
  sources: Source[];
  lines: LineSeries[];
  endLabels?: boolean;
  events?: EventMark[];
  eventSources?: Source[];
  note: string | null;
  emptyView: ReactNode;
  full: { href: string; title: string };
  onChange: (next: ViewState) => void;
}) {
  const { id, title, view, unit, lines } = props;
  const [table, setTable] = useState(false);
  const events = props.events ?? [];
  const fmt = (v: number | null) => formatValue(v, unit);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const rows = lines.flatMap((s) => s.points.map((p) => ({ s, p })));
  return (
    <ChartCard
      id={id}
      title={title}
      subtitle={props.subtitle}
      units={`${title} (${unit})`}
      status={props.status}
      error={props.error}
      errorView={<ChartError error={props.error} view={view} onChange={props.onChange} />}
      empty={lines.length === 0}
      emptyView={props.emptyView}
      banner={
        <p className="story-note">
          {props.note ? <span className="story-gaps">{props.note} </span> : null}
          <a href={props.full.href} className="story-full">
            Full view: {props.full.title}
          </a>
        </p>
      }
      sources={props.sources}
      eventSources={props.eventSources ?? []}
      links={toChartLinks({
        location: window.location,
        chart: "series",
        view,
        resource: "series",
        query: toSeriesQuery(view) as Record<string, string>,
      })}
      heightAt={(w) => storyBounds(w, props.endLabels ?? false).height}
      showTable={table}
      onToggleTable={() => setTable(!table)}
      chart={(width, onSelect) => (
        <TimeSeriesChart
          lines={lines}
          unit={unit}
          title={title}
          bounds={storyBounds(width, props.endLabels ?? false)}
          endLabels={(props.endLabels ?? false) && width >= STORY_END_LABELS}
          axisTitle={unit}
          events={events}
          labelEveryEvent
          {...(events.length > 0 ? { extendTo: events.map((e) => e.date) } : {})}
          onSelect={onSelect}
        />
      )}
      table={() => (
        <DataTable<{ s: LineSeries; p: LinePoint }>
          caption={title}
          rows={rows}
          columns={[
            { label: "Series", value: (r) => r.s.label },
            { label: "Period", value: (r) => r.p.label },
            { label: "Dates", value: (r) => `${iso(r.p.start)} – ${iso(r.p.end)}` },
            { label: "Value", value: (r) => fmt(r.p.value), numeric: true },
            { label: "Kind", value: (r) => r.p.estimateKind },
            { label: "Sources", value: (r) => r.p.sourceIds.join(", ") },
          ]}
        />
      )}
    />
  );
}
