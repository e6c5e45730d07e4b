import { COUNTRY_ROWS } from "./countries-data.js";

export interface Country {
  /** ISO 3166-1 alpha-3, or WLD (world) / ROW (rest of world). */
  readonly iso3: string;
  /** ISO 3166-1 alpha-2, as Eurostat names reporters and partners; null for WLD and ROW. */
  readonly iso2: string | null;
  /** UN M49 numeric code, as UN Comtrade uses it ("000" for the world). */
  readonly m49: string | null;
  /**
   * The name shown everywhere: the UN M49 short name ("Côte d’Ivoire", "Republic of Korea"), the one UN statistics
   * print; Taiwan, which the UN list does not name, and WLD / ROW keep names of their own.
   */
  readonly name: string;
  /** Other names that find the country in a search but are never shown for it, such as its former common name. */
  readonly aliases: readonly string[];
  readonly region: string;
  readonly subregion: string;
}

/** The world and the rest of the world, for totals and residuals that sources report without a country. */
export const WORLD = "WLD";
export const REST_OF_WORLD = "ROW";

/** Every ISO 3166-1 country, plus WLD and ROW. */
export const COUNTRIES: readonly Country[] = [
  ...COUNTRY_ROWS.map(([iso3, iso2, m49, name, region, subregion, aliases]) => ({
    iso3,
    iso2,
    m49,
    name,
    aliases,
    region,
    subregion,
  })),
  { iso3: WORLD, iso2: null, m49: "000", name: "World", aliases: [], region: "World", subregion: "World" },
  {
    iso3: REST_OF_WORLD,
    iso2: null,
    m49: null,
    name: "Rest of world",
    aliases: [],
    region: "World",
    subregion: "World",
  },
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

const BY_ISO2 = new Map(COUNTRIES.filter((c) => c.iso2 !== null).map((c) => [c.iso2!, c]));

/** The country with this ISO 3166-1 alpha-2 code ("CN", "nl"), or undefined. */
export function findCountryByIso2(code: string): Country | undefined {
  return BY_ISO2.get(code.trim().toUpperCase());
}

const BY_M49 = new Map(COUNTRIES.filter((c) => c.m49 !== null).map((c) => [Number(c.m49), c]));

/** The country with this UN M49 numeric code ("156", "36" or "036" alike), or undefined. */
export function findCountryByM49(code: string): Country | undefined {
  const trimmed = code.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  return BY_M49.get(Number(trimmed));
}

/**
 * Text as a search compares it: lower case, accents dropped, every apostrophe the same and spaces collapsed, so
 * "cote d'ivoire" finds "Côte d’Ivoire" and "turkiye" finds "Türkiye".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Whether a typed query is found in any of the texts, as `foldForSearch` compares them. */
export function matchesSearch(query: string, texts: readonly string[]): boolean {
  const q = foldForSearch(query);
  return texts.some((s) => foldForSearch(s).includes(q));
}

/** Whether a typed query finds the country: in its ISO3 code, its name or any of its aliases. */
export function countryMatches(country: Country, query: string): boolean {
  return matchesSearch(query, [country.iso3, country.name, ...country.aliases]);
}

/** The countries a typed query finds (by code, name or alias), in list order. */
export function searchCountries(query: string): Country[] {
  return COUNTRIES.filter((c) => countryMatches(c, query));
}

const BY_FOLDED_NAME = new Map(
  COUNTRIES.flatMap((c) => [c.name, ...c.aliases].map((n) => [foldForSearch(n), c] as const)),
);

/** The country this text names outright, by its name or an alias ("Ivory Coast", "cote d'ivoire"), or undefined. */
export function findCountryByName(text: string): Country | undefined {
  return BY_FOLDED_NAME.get(foldForSearch(text));
}
