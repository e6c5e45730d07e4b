import { selectable, type Selection } from "../../components/selection.js";
import { formatTick, formatValue } from "../format.js";
import { endLabelText } from "./label-layout.js";
import { defaultBounds, layoutTimeSeries, type Bounds } from "./layout.js";
import { DATE_KIND_LABELS, type EventMark, type LineSeries } from "./state.js";

export interface TimeSeriesChartProps {
  lines: LineSeries[];
  unit: string;
  title: string;
  bounds?: Bounds;
  mark?: "line" | "area";
  events?: EventMark[];
  /** Name each line at its end (wide charts); the legend names them too. */
  endLabels?: boolean;
  scale?: "linear" | "log";
  onSelect?: (selection: Selection) => void;
  /** The y axis' title, written above the plot: the unit of what is drawn ("USD", "index (2019 = 100)"). */
  axisTitle?: string;
  /** The unit of the fetched figures, where the chart draws a transform of them (an index or a share in `unit`). */
  figureUnit?: string;
  /** Dates the time axis reaches besides the data's own span. */
  extendTo?: Date[];
  /** The events are a chosen few: each gets its label, in a band above the plot of as many rows as that takes. */
  labelEveryEvent?: boolean;
}

/**
 * A stateless SVG time series: React draws, d3 (in layout) does the maths. Reported figures are filled dots,
 * estimates hollow, forecasts dashed; coarser figures are spans; competing estimates are diamonds of their
 * own, never added in; a shaded band runs from low to high; policy events are dashed verticals; a line is dotted
 * across the periods it has no figure for.
 */
export function TimeSeriesChart({
  lines,
  unit,
  title,
  bounds = defaultBounds,
  mark = "line",
  events = [],
  endLabels = false,
  scale = "linear",
  onSelect,
  axisTitle,
  figureUnit,
  extendTo,
  labelEveryEvent = false,
}: TimeSeriesChartProps) {
  const layout = layoutTimeSeries(lines, bounds, {
    mark,
    events,
    endLabels,
    scale,
    labelEveryEvent,
    ...(axisTitle ? { axisTitle } : {}),
    ...(extendTo ? { extendTo } : {}),
  });
  const { margin } = bounds;
  const fmt = (v: number) => formatValue(v, unit);
  // In an index or a share, the figure it was made from follows in brackets.
  const withFigure = (text: string, p: { figure?: number }) =>
    figureUnit && p.figure !== undefined ? `${text} (figure ${formatValue(p.figure, figureUnit)})` : text;
  return (
    <svg
      viewBox={`0 0 ${bounds.width} ${bounds.height}`}
      width={bounds.width}
      height={bounds.height}
      role="group"
      aria-label={title}
      className="chart time-series"
      data-series-count={layout.series.length}
    >
      <title>{title}</title>
      {layout.axisTitle ? (
        <text x={layout.axisTitle.x} y={layout.axisTitle.y} fontSize={11} fill="currentColor" className="axis-title">
          {layout.axisTitle.text}
        </text>
      ) : null}
      <g transform={`translate(${margin.left},${layout.plotTop})`}>
        {layout.yTicks.map((t) => (
          <g key={t.value} transform={`translate(0,${t.y})`} className="tick y">
            <line x2={layout.innerWidth} stroke="currentColor" strokeOpacity={0.1} />
            <text x={-8} dy="0.32em" textAnchor="end" fontSize={11} fill="currentColor">
              {formatTick(t.value, unit)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text
            key={t.x}
            x={t.x}
            y={layout.innerHeight + 20}
            textAnchor="middle"
            fontSize={11}
            fill="currentColor"
            className="tick x"
          >
            {t.label}
          </text>
        ))}
        {layout.series.map((s) => (
          <g key={s.key} className="series" data-key={s.key}>
            {s.endLabel ? (
              <text x={s.endLabel.x} y={s.endLabel.y} dy="0.32em" fontSize={11} fill={s.color} className="end-label">
                {endLabelText(s.label)}
              </text>
            ) : null}
            {s.band ? <path d={s.band} fill={s.color} fillOpacity={0.15} className="band" /> : null}
            {mark === "area" ? (
              <path d={s.path} fill={s.color} fillOpacity={0.75} stroke={s.color} />
            ) : (
              <>
                <path d={s.path} fill="none" stroke={s.color} strokeWidth={2} />
                {s.gaps ? (
                  <path
                    d={s.gaps}
                    className="gap"
                    fill="none"
                    stroke={s.color}
                    strokeWidth={1.5}
                    strokeDasharray="1 4"
                    strokeLinecap="round"
                  />
                ) : null}
              </>
            )}
            {s.points.map((p) => {
              const rate = `${fmt(p.shown)} per ${s.interval} on average`;
              const how = [p.estimateKind, p.basis].filter(Boolean).join(", ");
              const text =
                p.coarser && p.intervals > 1
                  ? `${s.label}, ${p.label}: ${fmt(p.value)} for the whole period, drawn at ${rate} (${how})`
                  : `${s.label}, ${p.label}: ${withFigure(fmt(p.value), p)} (${how})`;
              const handlers = selectable(
                {
                  heading: `${s.label}, ${p.label}`,
                  value:
                    p.coarser && p.intervals > 1
                      ? `${fmt(p.value)} for the whole period (${rate})`
                      : withFigure(fmt(p.value), p),
                  kind: p.estimateKind,
                  ...(p.basis ? { basis: p.basis } : {}),
                  sourceIds: p.sourceIds,
                },
                onSelect,
              );
              return (
                <g key={p.label}>
                  {p.coarser ? (
                    <line
                      x1={p.x0}
                      x2={p.x1}
                      y1={p.y}
                      y2={p.y}
                      stroke={s.color}
                      strokeWidth={3}
                      strokeDasharray="4 3"
                      className="mark coarser"
                      aria-label={text}
                      {...handlers}
                    >
                      <title>{text}</title>
                    </line>
                  ) : (
                    <circle
                      cx={p.x}
                      cy={p.y}
                      r={3.5}
                      fill={p.estimateKind === "reported" ? s.color : "white"}
                      stroke={s.color}
                      strokeDasharray={p.estimateKind === "forecast" ? "2 1" : undefined}
                      className="mark"
                      aria-label={text}
                      {...handlers}
                    >
                      <title>{text}</title>
                    </circle>
                  )}
                  {p.placedAlternatives.map((a) => {
                    const alt = `${s.label}, ${p.label}: competing ${a.estimateKind} ${fmt(a.value)}${p.coarser ? " for the whole period" : ""} (${a.datasetId}, not added)`;
                    return (
                      <rect
                        key={`${a.sourceId}-${a.datasetId}`}
                        x={a.x - 4}
                        y={a.y - 4}
                        width={8}
                        height={8}
                        transform={`rotate(45 ${a.x} ${a.y})`}
                        fill="white"
                        stroke={s.color}
                        strokeWidth={1.5}
                        className="mark alternative"
                        aria-label={alt}
                        {...selectable(
                          {
                            heading: `${s.label}, ${p.label} (competing estimate)`,
                            value: fmt(a.value),
                            kind: a.estimateKind,
                            sourceIds: [a.sourceId],
                          },
                          onSelect,
                        )}
                      >
                        <title>{alt}</title>
                      </rect>
                    );
                  })}
                </g>
              );
            })}
          </g>
        ))}
        {/* A longer period's total is written above every line, so that no later line runs through it; its halo
            (styles/charts.css) keeps it legible where a line passes under. The label takes no pointer: the
            marks beneath stay selectable. */}
        <g className="span-labels" pointerEvents="none">
          {layout.series.flatMap((s) =>
            s.points
              .filter((p) => p.coarser && p.labelled)
              .map((p) => (
                <text
                  key={`${s.key}-${p.label}`}
                  x={p.x0}
                  y={p.y - 5}
                  fontSize={10}
                  fill={s.color}
                  className="span-label"
                >
                  {`${p.label}: ${fmt(p.value)}`}
                </text>
              )),
          )}
        </g>
        {/* Events after the data: data marks come first in the tab order. Only the diamond at the top takes the
            pointer, so a dashed line never covers a data mark. */}
        {layout.events.map((e) => {
          const when = [DATE_KIND_LABELS[e.dateKind], e.dateLabel].filter(Boolean).join(" ");
          return (
            <g
              key={e.id}
              className="event"
              data-date-kind={e.dateKind}
              aria-label={`Event, ${when}: ${e.title}`}
              {...selectable(
                {
                  heading: `${when} · ${e.jurisdiction}: ${e.title}`,
                  description: e.description,
                  sourceIds: [e.sourceId],
                },
                onSelect,
              )}
            >
              <title>{`${when}: ${e.title}`}</title>
              <line
                x1={e.x}
                x2={e.x}
                y1={e.lineTop < 0 ? e.lineTop : undefined}
                y2={layout.innerHeight}
                stroke="#8a6d00"
                strokeOpacity={0.45}
                strokeDasharray="2 3"
                pointerEvents="none"
              />
              <rect x={e.x - 3} y={-9} width={6} height={6} fill="#8a6d00" transform={`rotate(45 ${e.x} -6)`} />
              {e.labelAt ? (
                <text
                  x={e.labelAt.x}
                  y={e.labelAt.y}
                  textAnchor={e.labelAt.anchor}
                  fontSize={10}
                  fill="#8a6d00"
                  className="event-label"
                >
                  {e.label}
                </text>
              ) : null}
              <rect x={e.x - 6} y={-14} width={12} height={16} fill="transparent" />
            </g>
          );
        })}
      </g>
    </svg>
  );
}
