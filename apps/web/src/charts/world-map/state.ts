import { COUNTRIES, type BreakdownResponse, type EstimateKind } from "@chipflow/core";

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
