import { COUNTRIES, type BreakdownResponse, type EstimateKind, type FlowsResponse } from "@chipflow/core";

export interface CountryValue {
  iso3: string;
  label: string;
  value: number;
  low: number | null;
  high: number | null;
  estimateKind: EstimateKind;
  sourceIds: number[];
}

/** Country figures for the map from a breakdown by destination (or origin); regions and "not stated" are left out. */
export function toCountryValues(response: BreakdownResponse): Map<string, CountryValue> {
  const known = new Set(COUNTRIES.filter((c) => c.m49 !== null && c.m49 !== "000").map((c) => c.iso3));
  return new Map(
    response.rows
      .filter((r) => r.value !== null && known.has(r.key))
      .map((r) => [
        r.key,
        {
          iso3: r.key,
          label: r.label,
          value: r.value!,
          low: r.low,
          high: r.high,
          estimateKind: r.estimateKind,
          sourceIds: r.sourceIds,
        },
      ]),
  );
}

const ISO3_BY_M49 = new Map(COUNTRIES.filter((c) => c.m49 !== null).map((c) => [c.m49!, c.iso3]));

/** The ISO3 code of a world-atlas feature id (a UN M49 number such as "156"). */
export function toIso3(m49: string | number | undefined): string | undefined {
  if (m49 === undefined) return undefined;
  return ISO3_BY_M49.get(String(m49).padStart(3, "0"));
}

/** An origin → destination flow for the map, before any pixels. */
export interface ArcDatum {
  origin: string;
  destination: string;
  originLabel: string;
  destinationLabel: string;
  value: number;
  estimateKind: EstimateKind;
  datasetId: string;
  sourceIds: number[];
  /** Other reports of the same flow (the partner's mirror figure, a competing estimate), never added to `value`. */
  alternatives: number;
}

/** The map's arcs: the `top` largest flows, and what is left out. */
export interface MapArcs {
  arcs: ArcDatum[];
  /** Every drawable flow, largest first: a country's largest partner is looked up among all of them. */
  all: ArcDatum[];
  /** Flows beyond the top N, and their total. */
  hidden: number;
  hiddenValue: number;
  /** Flows from a country to itself (re-imports): there is no arc to draw. */
  withinCountry: number;
}

const PLACEABLE = new Set(COUNTRIES.filter((c) => c.m49 !== null && c.m49 !== "000").map((c) => c.iso3));
const nameOf = (iso3: string) => COUNTRIES.find((c) => c.iso3 === iso3)?.name ?? iso3;

/**
 * The map's flows from the API's map links: links without a positive value, or with a region for an end, are
 * dropped; flows within one country are counted, not drawn; the largest `top` are drawn, largest first.
 */
export function toMapArcs(response: FlowsResponse, top = 12): MapArcs {
  const links = response.map.links.filter(
    (l) => l.value !== null && l.value > 0 && PLACEABLE.has(l.origin) && PLACEABLE.has(l.destination),
  );
  const all = links
    .filter((l) => l.origin !== l.destination)
    .map((l) => ({
      origin: l.origin,
      destination: l.destination,
      originLabel: nameOf(l.origin),
      destinationLabel: nameOf(l.destination),
      value: l.value!,
      estimateKind: l.estimateKind,
      datasetId: l.datasetId,
      sourceIds: l.sourceIds,
      alternatives: l.alternatives.length,
    }))
    .sort((a, b) => b.value - a.value || `${a.origin}${a.destination}`.localeCompare(`${b.origin}${b.destination}`));
  const rest = all.slice(top);
  return {
    arcs: all.slice(0, top),
    all,
    hidden: rest.length,
    hiddenValue: rest.reduce((s, a) => s + a.value, 0),
    withinCountry: links.length - all.length,
  };
}

/** The largest flow into a country, or failing that out of it: where a click on the country leads. */
export function findLargestPartner(all: readonly ArcDatum[], iso3: string): ArcDatum | undefined {
  return all.find((a) => a.destination === iso3) ?? all.find((a) => a.origin === iso3);
}
