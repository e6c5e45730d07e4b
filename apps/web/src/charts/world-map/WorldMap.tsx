import type { FeatureCollection, Geometry } from "geojson";
import { selectable, type Selection } from "../../components/selection.js";
import { formatValue } from "../format.js";
import { layoutWorldMap, NO_DATA, type MapBounds } from "./layout.js";
import type { ArcDatum, CountryValue } from "./state.js";

export interface WorldMapProps {
  world: FeatureCollection<Geometry, { name?: string }>;
  values: Map<string, CountryValue>;
  unit: string;
  title: string;
  bounds?: MapBounds;
  onSelect?: (selection: Selection) => void;
  /** Flows drawn as arcs from origin to destination, largest first. */
  arcs?: readonly ArcDatum[];
  /** Where an arc leads (its bilateral view). */
  arcHref?: (arc: ArcDatum) => string;
  /** Where a country leads (its largest flow's bilateral view), if anywhere. */
  countryHref?: (iso3: string) => string | undefined;
}

const LEGEND_HEIGHT = 28;
const ARC_LEGEND_HEIGHT = 24;
export const ARC_COLOR = "#d55e00";

/** The height a map takes below its outlines: the shading legend, and the arc widths when arcs are drawn. */
export const legendHeight = (arcs: boolean) => LEGEND_HEIGHT + (arcs ? ARC_LEGEND_HEIGHT : 0);

/**
 * A stateless flow map: countries shaded by the metric (grey where no figure is known), flows drawn as arcs from
 * origin to destination with an arrowhead, wider for larger values, each leading to its bilateral view.
 */
export function WorldMap({
  world,
  values,
  unit,
  title,
  bounds = { width: 720, height: 360 },
  onSelect,
  arcs = [],
  arcHref,
  countryHref,
}: WorldMapProps) {
  const layout = layoutWorldMap(world, values, bounds, arcs);
  const fmt = (v: number) => formatValue(v, unit);
  const step = Math.min(80, (bounds.width - 90) / layout.legend.length);
  const height = bounds.height + legendHeight(arcs.length > 0);
  return (
    <svg
      viewBox={`0 0 ${bounds.width} ${height}`}
      width={bounds.width}
      height={height}
      role="group"
      aria-label={title}
      className="chart world-map"
      data-shaded-count={layout.countries.filter((c) => c.datum).length}
      data-arc-count={layout.flows.arcs.length}
    >
      <title>{title}</title>
      <g className="countries">
        {layout.countries.map((c) => {
          const text = c.datum
            ? `${c.datum.label}: ${fmt(c.datum.value)} (${c.datum.estimateKind})`
            : `${c.name}: no figure`;
          const href = c.iso3 ? countryHref?.(c.iso3) : undefined;
          const shape = (
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
          return href ? (
            <a key={c.id} href={href} className="country-link" aria-label={`${text}: open its largest flow`}>
              {shape}
            </a>
          ) : (
            shape
          );
        })}
      </g>
      <g className="arcs">
        {layout.flows.arcs.map((a) => {
          const text =
            `${a.originLabel} → ${a.destinationLabel}: ${fmt(a.value)} (${a.estimateKind})` +
            (a.alternatives > 0 ? `, ${a.alternatives} other report${a.alternatives > 1 ? "s" : ""}` : "");
          const selection: Selection = {
            heading: `${a.originLabel} → ${a.destinationLabel}`,
            value: fmt(a.value),
            kind: a.estimateKind,
            description:
              a.alternatives > 0
                ? "The other side of this trade reports it too; the bilateral view shows both reports."
                : undefined,
            sourceIds: a.sourceIds,
          };
          const select = onSelect ? () => onSelect(selection) : undefined;
          return (
            <a
              key={`${a.origin}-${a.destination}`}
              href={arcHref?.(a)}
              className="arc"
              data-origin={a.origin}
              data-destination={a.destination}
              aria-label={text}
              onFocus={select}
              onMouseEnter={select}
            >
              <title>{text}</title>
              <path
                d={a.path}
                fill="none"
                stroke={ARC_COLOR}
                strokeWidth={a.width}
                strokeOpacity={a.estimateKind === "reported" ? 0.75 : 0.5}
                strokeDasharray={a.estimateKind === "forecast" ? "4 3" : undefined}
                strokeLinecap="round"
              />
              <path d={a.head} fill={ARC_COLOR} fillOpacity={0.9} className="arrowhead" />
            </a>
          );
        })}
      </g>
      <g className="labels" fontSize={11} fill="currentColor" pointerEvents="none">
        {layout.labels.map((l) => (
          <text key={l.id} x={l.x} y={l.y} textAnchor={l.anchor} className="country-label" data-iso3={l.id}>
            {l.text}
          </text>
        ))}
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
      {layout.flows.arcs.length > 0 ? (
        <g
          className="arc-legend"
          transform={`translate(8,${bounds.height + LEGEND_HEIGHT + 6})`}
          fontSize={10}
          fill="currentColor"
        >
          <text y={8}>Flow</text>
          {layout.flows.legend.map((l, i) => (
            <g key={i} transform={`translate(${34 + i * Math.min(110, (bounds.width - 50) / 3)},0)`}>
              <line x1={0} x2={22} y1={4} y2={4} stroke={ARC_COLOR} strokeWidth={l.width} />
              <text x={27} y={8}>
                {fmt(l.value)}
              </text>
            </g>
          ))}
        </g>
      ) : null}
    </svg>
  );
}
