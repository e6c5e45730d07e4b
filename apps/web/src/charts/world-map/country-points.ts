import { geoCentroid, type GeoProjection } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { toIso3 } from "./state.js";

/**
 * Where an arc meets a country, as [longitude, latitude]: countries too small for the 1:110m outlines, and
 * countries whose centroid falls outside their mainland (overseas territories, Alaska), are placed by hand.
 */
export const PLACED_BY_HAND: Readonly<Record<string, readonly [number, number]>> = {
  USA: [-98.5, 39.5],
  CAN: [-106, 56],
  FRA: [2.4, 46.6],
  NOR: [9, 61],
  RUS: [90, 61],
  NLD: [5.3, 52.1],
  SGP: [103.8, 1.35],
  HKG: [114.17, 22.32],
  MAC: [113.55, 22.19],
  MLT: [14.4, 35.9],
  BHR: [50.55, 26.07],
  LUX: [6.1, 49.6],
};

/** The projected point of each country (ISO3 → [x, y]): the hand-placed points, else the outline's centroid. */
export function toCountryPoints(
  world: FeatureCollection<Geometry, { name?: string }>,
  projection: GeoProjection,
): Map<string, [number, number]> {
  const lonLat = new Map<string, readonly [number, number]>();
  for (const f of world.features) {
    const iso3 = toIso3(f.id);
    if (iso3) lonLat.set(iso3, geoCentroid(f));
  }
  for (const [iso3, point] of Object.entries(PLACED_BY_HAND)) lonLat.set(iso3, point);
  const points = new Map<string, [number, number]>();
  for (const [iso3, point] of lonLat) {
    const xy = projection([point[0], point[1]]);
    if (xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1])) points.set(iso3, [xy[0], xy[1]]);
  }
  return points;
}
