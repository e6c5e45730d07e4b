import { COUNTRY_ROWS } from "./countries-data.js";

export interface Country {
  /** ISO 3166-1 alpha-3, or WLD (world) / ROW (rest of world). */
  readonly iso3: string;
  /** UN M49 numeric code, as UN Comtrade uses it ("000" for the world). */
  readonly m49: string | null;
  readonly name: string;
  readonly region: string;
  readonly subregion: string;
}

/** The world and the rest of the world, for totals and residuals that sources report without a country. */
export const WORLD = "WLD";
export const REST_OF_WORLD = "ROW";

/** Every ISO 3166-1 country, plus WLD and ROW. */
export const COUNTRIES: readonly Country[] = [
  ...COUNTRY_ROWS.map(([iso3, m49, name, region, subregion]) => ({ iso3, m49, name, region, subregion })),
  { iso3: WORLD, m49: "000", name: "World", region: "World", subregion: "World" },
  { iso3: REST_OF_WORLD, m49: null, name: "Rest of world", region: "World", subregion: "World" },
];

const BY_ISO3 = new Map(COUNTRIES.map((c) => [c.iso3, c]));

export function isCountryCode(value: string): boolean {
  return BY_ISO3.has(value);
}

/** The country with this ISO3 code, or throws. */
export function getCountry(iso3: string): Country {
  const country = BY_ISO3.get(iso3);
  if (!country) throw new Error(`unknown country code: ${iso3} (expected ISO 3166-1 alpha-3, WLD or ROW)`);
  return country;
}

const BY_M49 = new Map(COUNTRIES.filter((c) => c.m49 !== null).map((c) => [Number(c.m49), c]));

/** The country with this UN M49 numeric code ("156", "36" or "036" alike), or undefined. */
export function findCountryByM49(code: string): Country | undefined {
  const trimmed = code.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  return BY_M49.get(Number(trimmed));
}
