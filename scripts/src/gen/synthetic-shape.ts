import { CATEGORIES, COUNTRIES, REST_OF_WORLD, WORLD, type Category, type SourceRef } from "@chipflow/core";
import { mulberry32 } from "./mulberry32.js";

/** The dimensions of a synthetic dataset: every name says it is synthetic; nothing here is a real figure. */
export interface SyntheticShape {
  vendors: { name: string; hqCountry: string; origins: string[]; category: Category }[];
  products: { vendor: number; name: string; category: Category; baseUnits: number; priceUsd: number }[];
  countries: string[];
  buyers: { name: string; country: string }[];
  sources: SourceRef[];
  /** Monthly periods, 2015-01 to 2026-12: [start, end] as ISO dates. */
  periods: [string, string][];
}

export const SYNTHETIC_PUBLISHER = "Synthetic benchmark data";
export const SHAPE_SIZES = { vendors: 30, productsPerVendor: 10, countries: 200, buyers: 50, sources: 400 } as const;
/** Each vendor ships from this many origin countries. */
export const ORIGINS_PER_VENDOR = 4;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function monthlyPeriods(fromYear: number, toYear: number): [string, string][] {
  const periods: [string, string][] = [];
  for (let y = fromYear; y <= toYear; y++)
    for (let m = 1; m <= 12; m++) periods.push([`${y}-${pad(m, 2)}-01`, `${y}-${pad(m, 2)}-${lastDay(y, m)}`]);
  return periods;
}

/** The synthetic dimensions for a seed: same seed, same shape. */
export function toSyntheticShape(seed: number): SyntheticShape {
  const random = mulberry32(seed ^ 0x5eed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const countries = COUNTRIES.map((c) => c.iso3)
    .filter((c) => c !== WORLD && c !== REST_OF_WORLD)
    .slice(0, SHAPE_SIZES.countries);
  const categories = CATEGORIES.filter((c) => c !== "other");

  const vendors = Array.from({ length: SHAPE_SIZES.vendors }, (_, v) => {
    const origins = new Set<string>();
    while (origins.size < ORIGINS_PER_VENDOR) origins.add(pick(countries));
    const list = [...origins];
    // One product category per vendor, so a vendor's units add up (units of two categories never do).
    const category = pick(categories);
    return { name: `Synthetic Vendor ${pad(v + 1, 2)}`, hqCountry: list[0]!, origins: list, category };
  });
  const products = vendors.flatMap((vendor, v) =>
    Array.from({ length: SHAPE_SIZES.productsPerVendor }, (_, p) => ({
      vendor: v,
      name: `SV${pad(v + 1, 2)} Part ${pad(p + 1, 3)}`,
      category: vendor.category,
      baseUnits: Math.round(100 + random() * 50_000),
      priceUsd: Math.round(200 + random() * 40_000),
    })),
  );
  const buyers = Array.from({ length: SHAPE_SIZES.buyers }, (_, b) => ({
    name: `Synthetic Buyer ${pad(b + 1, 2)}`,
    country: pick(countries),
  }));
  const sources = Array.from({ length: SHAPE_SIZES.sources }, (_, s) => ({
    publisher: SYNTHETIC_PUBLISHER,
    title: `Synthetic source ${pad(s + 1, 3)}`,
    date: `${2015 + Math.floor(random() * 12)}-${pad(1 + Math.floor(random() * 12), 2)}`,
    url: `https://example.org/synthetic/source-${pad(s + 1, 3)}`,
    locator: null,
    type: null,
  }));
  return { vendors, products, countries, buyers, sources, periods: monthlyPeriods(2015, 2026) };
}
