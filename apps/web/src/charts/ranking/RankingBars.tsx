import { selectable, type Selection } from "../../components/selection.js";
import { formatTick, formatValue } from "../format.js";
import { colorAt } from "../palette.js";
import { layoutRanking, type RankingBounds } from "./layout.js";
import type { RankedBar } from "./state.js";

export interface RankingBarsProps {
  bars: RankedBar[];
  unit: string;
  title: string;
  bounds?: RankingBounds;
  onSelect?: (selection: Selection) => void;
}

const TOP = 20;

/** Stateless ranking bars: reported bars solid, estimates hatched-light; whiskers from low to high; diamonds for competing estimates. */
export function RankingBars({
  bars,
  unit,
  title,
  bounds = { width: 720, labelWidth: 160, rowHeight: 28 },
  onSelect,
}: RankingBarsProps) {
  const layout = layoutRanking(bars, bounds);
  const fmt = (v: number) => formatValue(v, unit);
  const height = layout.height + TOP;
  const color = colorAt(0);
  return (
    <svg
      viewBox={`0 0 ${bounds.width} ${height}`}
      width={bounds.width}
      height={height}
      role="group"
      aria-label={title}
      className="chart ranking"
      data-bar-count={layout.bars.length}
    >
      <title>{title}</title>
      <g transform={`translate(${bounds.labelWidth},${TOP})`}>
        {layout.xTicks.map((t) => (
          <g key={t.value} transform={`translate(${t.x},0)`}>
            <line y2={layout.height} stroke="currentColor" strokeOpacity={0.1} />
            <text y={-6} textAnchor="middle" fontSize={10} fill="currentColor">
              {formatTick(t.value, unit)}
            </text>
          </g>
        ))}
        {layout.bars.map((b) => {
          const text = `${b.label}: ${fmt(b.value)} (${b.estimateKind})${b.share !== null ? `, ${Math.round(b.share * 1000) / 10}% of total` : ""}`;
          return (
            <g key={b.key} transform={`translate(0,${b.y})`} className="bar-row">
              <text x={-6} y={b.height / 2} dy="0.32em" textAnchor="end" fontSize={11} fill="currentColor">
                {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
              </text>
              <rect
                width={Math.max(1, b.width)}
                height={b.height}
                fill={color}
                fillOpacity={b.estimateKind === "reported" ? 0.9 : 0.45}
                stroke={color}
                strokeDasharray={b.estimateKind === "forecast" ? "3 2" : undefined}
                className="bar"
                aria-label={text}
                {...selectable(
                  { heading: b.label, value: fmt(b.value), kind: b.estimateKind, sourceIds: b.sourceIds },
                  onSelect,
                )}
              >
                <title>{text}</title>
              </rect>
              {b.lowX !== null && b.highX !== null ? (
                <path
                  d={`M${b.lowX},${b.height / 2}H${b.highX}M${b.lowX},${b.height * 0.25}V${b.height * 0.75}M${b.highX},${b.height * 0.25}V${b.height * 0.75}`}
                  stroke="currentColor"
                  className="whisker"
                />
              ) : null}
              {b.alternativeXs.map((x, i) => (
                <rect
                  key={i}
                  x={x - 4}
                  y={b.height / 2 - 4}
                  width={8}
                  height={8}
                  transform={`rotate(45 ${x} ${b.height / 2})`}
                  fill="white"
                  stroke="currentColor"
                  className="mark alternative"
                  {...selectable(
                    {
                      heading: `${b.label} (competing estimate)`,
                      value: fmt(b.alternatives[i]!.value),
                      kind: b.alternatives[i]!.estimateKind,
                      sourceIds: [b.alternatives[i]!.sourceId],
                    },
                    onSelect,
                  )}
                >
                  <title>{`${b.label}: competing ${b.alternatives[i]!.estimateKind} ${fmt(b.alternatives[i]!.value)} (not added)`}</title>
                </rect>
              ))}
              <text
                x={Math.max(b.width, b.highX ?? 0) + 6}
                y={b.height / 2}
                dy="0.32em"
                fontSize={11}
                fill="currentColor"
              >
                {fmt(b.value)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
