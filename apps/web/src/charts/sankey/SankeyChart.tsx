import { selectable, type Selection } from "../../components/selection.js";
import { formatValue } from "../format.js";
import { layoutSankey, type SankeyBounds } from "./layout.js";
import type { FlowGraph } from "./state.js";

export interface SankeyChartProps {
  graph: FlowGraph;
  unit: string;
  title: string;
  bounds?: SankeyBounds;
  onSelect?: (selection: Selection) => void;
}

/** A stateless Sankey: vendor → product → destination. Estimated flows are paler; a vendor's unitemised rest palest. */
export function SankeyChart({ graph, unit, title, bounds = { width: 720, height: 360 }, onSelect }: SankeyChartProps) {
  const layout = layoutSankey(graph, bounds);
  const fmt = (v: number) => formatValue(v, unit);
  return (
    <svg
      viewBox={`0 0 ${bounds.width} ${bounds.height}`}
      width={bounds.width}
      height={bounds.height}
      role="group"
      aria-label={title}
      className="chart sankey"
      data-link-count={layout.links.length}
    >
      <title>{title}</title>
      <g className="links" fill="none">
        {layout.links.map((l) => {
          const text = `${l.sourceLabel} → ${l.targetLabel}: ${fmt(l.value)} (${l.estimateKind}${l.residual ? ", not itemised by product" : ""})`;
          return (
            <path
              key={`${l.source}-${l.target}`}
              d={l.path}
              stroke={l.color}
              strokeWidth={l.width}
              strokeOpacity={l.residual ? 0.15 : l.estimateKind === "reported" ? 0.5 : 0.3}
              className="link"
              aria-label={text}
              {...selectable(
                {
                  heading: `${l.sourceLabel} → ${l.targetLabel}`,
                  value: fmt(l.value),
                  kind: l.estimateKind,
                  sourceIds: l.sourceIds,
                },
                onSelect,
              )}
            >
              <title>{text}</title>
            </path>
          );
        })}
      </g>
      <g className="nodes">
        {layout.nodes.map((n) => (
          <g key={n.id} className="node">
            <rect x={n.x0} y={n.y0} width={n.x1 - n.x0} height={Math.max(1, n.y1 - n.y0)} fill={n.color}>
              <title>{`${n.label}: ${fmt(n.value)}`}</title>
            </rect>
            <text
              x={n.labelAnchor === "start" ? n.x1 + 4 : n.x0 - 4}
              y={(n.y0 + n.y1) / 2}
              dy="0.32em"
              textAnchor={n.labelAnchor}
              fontSize={11}
              fill="currentColor"
            >
              {n.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
