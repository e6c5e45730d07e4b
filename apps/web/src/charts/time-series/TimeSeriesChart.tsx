import { formatValue } from "../format.js";
import { defaultBounds, layoutTimeSeries, type Bounds } from "./layout.js";
import type { LineSeries } from "./state.js";

export interface TimeSeriesChartProps {
  lines: LineSeries[];
  unit: string;
  title: string;
  bounds?: Bounds;
}

/** A stateless SVG line chart: React draws, d3 (in layout) does the maths. Coarser figures are drawn as spans. */
export function TimeSeriesChart({ lines, unit, title, bounds = defaultBounds }: TimeSeriesChartProps) {
  const layout = layoutTimeSeries(lines, bounds);
  const { margin } = bounds;
  return (
    <svg
      viewBox={`0 0 ${bounds.width} ${bounds.height}`}
      role="img"
      aria-label={title}
      className="chart time-series"
      data-series-count={layout.series.length}
    >
      <title>{title}</title>
      <g transform={`translate(${margin.left},${margin.top})`}>
        {layout.yTicks.map((t) => (
          <g key={t.value} transform={`translate(0,${t.y})`} className="tick y">
            <line x2={layout.innerWidth} stroke="currentColor" strokeOpacity={0.1} />
            <text x={-8} dy="0.32em" textAnchor="end" fontSize={11}>
              {formatValue(t.value, unit)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={t.x} x={t.x} y={layout.innerHeight + 20} textAnchor="middle" fontSize={11} className="tick x">
            {t.label}
          </text>
        ))}
        {layout.series.map((s) => (
          <g key={s.key} className="series" data-key={s.key}>
            <path d={s.path} fill="none" stroke={s.color} strokeWidth={2} />
            {s.points.map((p) =>
              p.coarser ? (
                <line
                  key={`${p.label}-span`}
                  x1={p.x0}
                  x2={p.x1}
                  y1={p.y}
                  y2={p.y}
                  stroke={s.color}
                  strokeWidth={3}
                  strokeDasharray="4 3"
                  className="mark coarser"
                >
                  <title>{`${s.label}, ${p.label}: ${formatValue(p.value, unit)} (${p.estimateKind}, whole period)`}</title>
                </line>
              ) : (
                <circle
                  key={p.label}
                  cx={p.x}
                  cy={p.y}
                  r={3.5}
                  fill={p.estimateKind === "reported" ? s.color : "white"}
                  stroke={s.color}
                  className="mark"
                >
                  <title>{`${s.label}, ${p.label}: ${formatValue(p.value, unit)} (${p.estimateKind})`}</title>
                </circle>
              ),
            )}
          </g>
        ))}
      </g>
    </svg>
  );
}
