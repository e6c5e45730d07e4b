import type { FeatureCollection, Geometry } from "geojson";
import { selectable, type Selection } from "../../components/selection.js";
import { formatValue } from "../format.js";
import { layoutWorldMap, NO_DATA, type MapBounds } from "./layout.js";
import type { CountryValue } from "./state.js";

export interface WorldMapProps {
  world: FeatureCollection<Geometry, { name?: string }>;
  values: Map<string, CountryValue>;
  unit: string;
  title: string;
  bounds?: MapBounds;
  onSelect?: (selection: Selection) => void;
}

const LEGEND_HEIGHT = 28;

/** A stateless choropleth: countries shaded by the metric, grey where no figure is known, with a legend. */
export function WorldMap({
  world,
  values,
  unit,
  title,
  bounds = { width: 720, height: 360 },
  onSelect,
}: WorldMapProps) {
  const layout = layoutWorldMap(world, values, bounds);
  const fmt = (v: number) => formatValue(v, unit);
  const step = Math.min(80, (bounds.width - 90) / layout.legend.length);
  return (
    <svg
      viewBox={`0 0 ${bounds.width} ${bounds.height + LEGEND_HEIGHT}`}
      width={bounds.width}
      height={bounds.height + LEGEND_HEIGHT}
      role="group"
      aria-label={title}
      className="chart world-map"
      data-shaded-count={layout.countries.filter((c) => c.datum).length}
    >
      <title>{title}</title>
      <g className="countries">
        {layout.countries.map((c) => {
          const text = c.datum
            ? `${c.datum.label}: ${fmt(c.datum.value)} (${c.datum.estimateKind})`
            : `${c.name}: no figure`;
          return (
            <path
              key={c.id}
              d={c.path}
              fill={c.fill}
              stroke="#ffffff"
              strokeWidth={0.4}
              className={c.datum ? "country shaded" : "country"}
              data-iso3={c.iso3}
              aria-label={c.datum ? text : undefined}
              {...(c.datum
                ? selectable(
                    {
                      heading: c.datum.label,
                      value: fmt(c.datum.value),
                      kind: c.datum.estimateKind,
                      sourceIds: c.datum.sourceIds,
                    },
                    onSelect,
                  )
                : {})}
            >
              <title>{text}</title>
            </path>
          );
        })}
      </g>
      <g className="legend" transform={`translate(8,${bounds.height + 6})`} fontSize={10} fill="currentColor">
        {layout.legend.map((l, i) => (
          <g key={i} transform={`translate(${i * step},0)`}>
            <rect width={step - 2} height={8} fill={l.fill} />
            {step >= 64 || i === 0 || i === layout.legend.length - 1 ? <text y={19}>{fmt(l.value)}</text> : null}
          </g>
        ))}
        <g transform={`translate(${layout.legend.length * step + 8},0)`}>
          <rect width={12} height={8} fill={NO_DATA} />
          <text x={16} y={8}>
            no figure
          </text>
        </g>
      </g>
    </svg>
  );
}
