import { getCountry } from "@chipflow/core";
import { max } from "d3-array";
import { geoEqualEarth, geoPath } from "d3-geo";
import { scaleSqrt } from "d3-scale";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { layoutArcs, type ArcLayout } from "./arc-layout.js";
import { toCountryPoints } from "./country-points.js";
import { placeLabels, type PlacedLabel } from "./label-layout.js";
import { toIso3, type ArcDatum, type CountryValue } from "./state.js";

export interface MapBounds {
  width: number;
  height: number;
}

export interface PlacedCountry {
  id: string;
  iso3: string | undefined;
  name: string;
  path: string;
  fill: string;
  datum: CountryValue | undefined;
}

export interface MapLayout {
  countries: PlacedCountry[];
  legend: { value: number; fill: string }[];
  /** Flows drawn as arcs, largest first, with their width legend. */
  flows: ArcLayout;
  /** Names of the countries at the arcs' ends, those that fit without overlapping. */
  labels: PlacedLabel[];
}

/** How many country names a map this wide can carry. */
export const labelLimit = (width: number) => Math.max(3, Math.floor(width / 110));

/** Light to dark blue, readable with every common colour-vision deficiency. */
export const RAMP = ["#deebf7", "#08519c"] as const;
export const NO_DATA = "#d9d9d9";

/**
 * Projects the countries (Equal Earth, fitted to the bounds), shades each by its value on a square-root scale, and
 * places the flows as arcs between the countries, naming the countries at the ends of the largest.
 */
export function layoutWorldMap(
  world: FeatureCollection<Geometry, { name?: string }>,
  values: Map<string, CountryValue>,
  bounds: MapBounds,
  arcs: readonly ArcDatum[] = [],
): MapLayout {
  const projection = geoEqualEarth().fitSize([bounds.width, bounds.height], world);
  const toPath = geoPath(projection);
  const top = max([...values.values()], (v) => v.value) ?? 1;
  const color = scaleSqrt<string>()
    .domain([0, top || 1])
    .range([...RAMP]);
  const flows = layoutArcs(arcs, toCountryPoints(world, projection), bounds.width);
  const weight = new Map<string, { label: string; x: number; y: number; value: number }>();
  for (const a of flows.arcs)
    for (const [iso3, label, [x, y]] of [
      [a.origin, a.originLabel, a.from],
      [a.destination, a.destinationLabel, a.to],
    ] as const) {
      const w = weight.get(iso3) ?? { label, x, y, value: 0 };
      weight.set(iso3, { ...w, value: w.value + a.value });
    }
  const candidates = [...weight]
    .sort(([ka, a], [kb, b]) => b.value - a.value || ka.localeCompare(kb))
    .map(([id, w]) => ({ id, text: w.label, x: w.x, y: w.y }));
  const round = (d: string) => d.replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
  return {
    countries: world.features.map((f: Feature<Geometry, { name?: string }>, i) => {
      const iso3 = toIso3(f.id);
      const datum = iso3 ? values.get(iso3) : undefined;
      return {
        id: String(f.id ?? i),
        iso3,
        // The app's name (UN M49) rather than the atlas's own ("South Korea" in world-atlas is "Republic of Korea").
        name: iso3 ? getCountry(iso3).name : (f.properties?.name ?? ""),
        path: round(toPath(f) ?? ""),
        fill: datum ? color(datum.value) : NO_DATA,
        datum,
      };
    }),
    legend: [0, 0.25, 0.5, 0.75, 1].map((t) => ({ value: top * t, fill: color(top * t) })),
    flows,
    labels: placeLabels(candidates, bounds, { limit: labelLimit(bounds.width) }),
  };
}
