import {
  intervalsIn,
  type EstimateKind,
  type EventDateKind,
  type EventTopic,
  type Granularity,
  type Interval,
  type PolicyEvent,
  type SeriesResponse,
} from "@chipflow/core";

/** A competing estimate of the same cell, kept apart from the value and drawn as its own mark. */
export interface Alternative {
  value: number;
  low: number | null;
  high: number | null;
  sourceId: number;
  datasetId: string;
  estimateKind: EstimateKind;
}

/** A point of a line, before any pixels: the period it covers and its value. */
export interface LinePoint {
  start: Date;
  end: Date;
  label: string;
  /** The figure as reported, for the whole period. */
  value: number;
  /**
   * Where the figure is drawn on a per-interval axis: the value itself, or for a coarser figure its rate per
   * interval (a fiscal year's $25B on a quarterly chart is drawn at $6.25B per quarter, its span labelled $25B).
   */
  shown: number;
  /** How many intervals the figure covers: 1, or for a coarser figure 4 quarters, 12 months… */
  intervals: number;
  low: number | null;
  high: number | null;
  coarser: boolean;
  estimateKind: EstimateKind;
  /** The length of the period the figure covers, as the API tells it. */
  granularity: Granularity;
  /** The figure as fetched, where the chart draws a transform of it (an index, a share). */
  figure?: number;
  /** The basis of the figure's dataset ("customer headquarters basis"), where it has one. */
  basis: string | null;
  sourceIds: number[];
  alternatives: Alternative[];
}

export interface LineSeries {
  key: string;
  label: string;
  /** The interval of the axis the points are drawn on. */
  interval: Interval;
  /** World's reported total, drawn apart from the series it holds (never stacked, a colour of its own). */
  total?: boolean;
  points: LinePoint[];
}

/**
 * Days that may lie between one figure's last day and the next one's first while the two still count as periods that
 * follow each other: fiscal calendars end a period on a Saturday and start the next on the Sunday, or shift by a week.
 */
const FOLLOWS_WITHIN_DAYS = 8;

/** Whether figure `b` follows figure `a` with no period between them (touching or overlapping). */
const follows = (a: LinePoint, b: LinePoint) => b.start.getTime() - a.end.getTime() <= FOLLOWS_WITHIN_DAYS * 86_400_000;

/** A line's own figures (not those of longer periods, drawn as spans), in time order. */
export const finePoints = <P extends LinePoint>(points: P[]) => points.filter((p) => !p.coarser);

/**
 * Where a line's own figures skip a period (a company not reporting a quarter, a year not read): the index of each
 * figure that does not follow the one before it.
 */
export const periodBreaks = (fine: LinePoint[]) =>
  fine.flatMap((p, i) => (i > 0 && !follows(fine[i - 1]!, p) ? [i] : []));

/** Whether a line skips a period between two of its figures. */
export const skipsPeriods = (s: LineSeries) => periodBreaks(finePoints(s.points)).length > 0;

/** How an event's one date reads: "Announced 2025-01-13", "In force 2023-11-17". */
export const DATE_KIND_LABELS: Record<EventDateKind, string> = {
  announced: "Announced",
  published: "Published",
  effective: "In force",
  occurred: "",
};

/** A policy event on a time axis: one date, with what it marks. */
export interface EventMark {
  id: number;
  date: Date;
  /** The date as the source gives it: a day, a month or a year. */
  dateLabel: string;
  dateKind: EventDateKind;
  /** 1 for the event that moved the flows most; null for one shown only among all events. */
  rank: number | null;
  /** A few words that name it on the chart, for ranked events. */
  label: string | null;
  /** What it bears on: chips, or the tools that make them; null for both. */
  topic: EventTopic | null;
  title: string;
  description: string;
  jurisdiction: string;
  sourceId: number;
}

/** A date from an ISO day, month ("2023-01") or year ("2022"): the first day it covers. */
export function toDay(iso: string): Date {
  const full = iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso;
  return new Date(`${full}T00:00:00Z`);
}

/**
 * Turns an API series response into lines: points without a value are dropped, and so is any series left
 * with none. Alternatives without a value are dropped too. With `withTotal`, World's reported total (grouping by
 * place) is one more line, labelled as the total; it is never stacked, so area charts leave it out. `basisOf` names
 * the basis of a figure's dataset. Pure: no scales, no pixels.
 */
export function toLineSeries(
  response: SeriesResponse,
  withTotal = false,
  basisOf: (datasetId: string | undefined) => string | null = () => null,
): LineSeries[] {
  const total =
    withTotal && response.total
      ? [{ ...response.total, label: `${response.total.label} (reported total)`, total: true }]
      : [];
  return [...response.series, ...total]
    .map((s) => ({
      key: s.key,
      label: s.label,
      interval: response.interval,
      ...("total" in s ? { total: true } : {}),
      points: s.points
        .filter((p) => p.value !== null)
        .map((p) => {
          // A flow (revenue, units) over a longer period is drawn at its rate per interval; a share or a price is
          // not a flow: it stays at its own level whatever its period.
          const flow = response.metric.aggregation === "sum";
          const intervals = p.coarser && flow ? intervalsIn(p.periodStart, p.periodEnd, response.interval) : 1;
          return {
            start: toDay(p.periodStart),
            end: toDay(p.periodEnd),
            label: p.label,
            value: p.value!,
            shown: p.value! / intervals,
            intervals,
            low: p.low,
            high: p.high,
            coarser: p.coarser,
            estimateKind: p.estimateKind,
            granularity: p.granularity,
            basis: basisOf(p.datasetId),
            sourceIds: p.sourceIds,
            alternatives: p.alternatives.filter((a) => a.value !== null).map((a) => ({ ...a, value: a.value! })),
          };
        }),
    }))
    .filter((s) => s.points.length > 0);
}

/** Events as marks for a time axis, oldest first. */
export function toEventMarks(events: PolicyEvent[]): EventMark[] {
  return events
    .map((e) => ({
      id: e.id,
      date: toDay(e.date),
      dateLabel: e.date,
      dateKind: e.dateKind,
      rank: e.rank,
      label: e.label,
      topic: e.topic,
      title: e.title,
      description: e.description,
      jurisdiction: e.jurisdiction,
      sourceId: e.source.id,
    }))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** How many events a time axis shows unless all are asked for: a handful, so that each can carry its label. */
export const MAIN_EVENTS = 6;

/**
 * The events a time axis shows by default: the `count` best ranked inside `from`..`to` (the span of the data), in
 * date order. A chart about chips, or about the tools that make them (`topic`), leaves out the events about the
 * other. Unranked events, and the ones left out, wait for "all events".
 */
export function pickMainEvents(
  events: EventMark[],
  from: Date,
  to: Date,
  topic: EventTopic | null = null,
  count = MAIN_EVENTS,
): EventMark[] {
  return events
    .filter((e) => e.rank !== null && e.date >= from && e.date <= to)
    .filter((e) => topic === null || e.topic === null || e.topic === topic)
    .sort((a, b) => a.rank! - b.rank!)
    .slice(0, count)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}
