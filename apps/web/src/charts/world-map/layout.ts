import { getCountry } from "@chipflow/core";
import { max } from "d3-array";
import { geoEqualEarth, geoPath } from "d3-geo";
import { scaleSqrt } from "d3-scale";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { toIso3, type CountryValue } from "./state.js";

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
}

/** Light to dark blue, readable with every common colour-vision deficiency. */
export const RAMP = ["#deebf7", "#08519c"] as const;
export const NO_DATA = "#d9d9d9";

/** Projects the countries (Equal Earth, fitted to the bounds) and shades each by its value on a square-root scale. */
export function layoutWorldMap(
  world: FeatureCollection<Geometry, { name?: string }>,
  values: Map<string, CountryValue>,
  bounds: MapBounds,
): MapLayout {
  const projection = geoEqualEarth().fitSize([bounds.width, bounds.height], world);
  const toPath = geoPath(projection);
  const top = max([...values.values()], (v) => v.value) ?? 1;
  const color = scaleSqrt<string>()
    .domain([0, top || 1])
    .range([...RAMP]);
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
  };
}
