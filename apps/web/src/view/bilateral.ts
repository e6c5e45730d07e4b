import { METRIC_IDS, getCountry, isCountryCode, isIsoDate, type Metric, type SeriesQueryInput } from "@chipflow/core";
import { formatKeyword } from "../charts/format.js";
import {
  DEFAULT_VIEW,
  MAP_CATEGORIES,
  MAP_CATEGORY_LABELS,
  noFilters,
  type MapCategory,
  type ViewState,
} from "./view-state.js";

/** One origin → destination pair over years: what the bilateral view (`/bilateral?…`) shows. */
export interface Bilateral {
  origin: string;
  destination: string;
  metric: Metric;
  /** A product id (`hs-8486`), or else a category, or neither (every product). */
  product: string | undefined;
  category: string | undefined;
  from: string | undefined;
  to: string | undefined;
}

export const BILATERAL_PATH = "/bilateral";

const placeable = (code: string | null): code is string => code !== null && isCountryCode(code) && code !== "WLD";

/** The pair a bilateral URL names, or undefined when it names no valid origin and destination. */
export function parseBilateral(search: string): Bilateral | undefined {
  const params = new URLSearchParams(search);
  const [origin, destination] = [params.get("origin"), params.get("destination")];
  if (!placeable(origin) || !placeable(destination)) return undefined;
  const metric = params.get("metric");
  const date = (v: string | null) => (v !== null && isIsoDate(v) ? v : undefined);
  return {
    origin,
    destination,
    metric: metric && (METRIC_IDS as readonly string[]).includes(metric) ? (metric as Metric) : "revenue_usd",
    product: params.get("product") || undefined,
    category: params.get("category") || undefined,
    from: date(params.get("from")),
    to: date(params.get("to")),
  };
}

/** The URL of a bilateral view, parameters in a stable order so equal views give equal URLs. */
export function toBilateralHref(b: Bilateral): string {
  const params = new URLSearchParams({ origin: b.origin, destination: b.destination });
  if (b.product) params.set("product", b.product);
  else if (b.category) params.set("category", b.category);
  params.set("metric", b.metric);
  if (b.from) params.set("from", b.from);
  if (b.to) params.set("to", b.to);
  return `${BILATERAL_PATH}?${params.toString()}`;
}

const yearsText = (b: Bilateral) => {
  const [first, last] = [b.from?.slice(0, 4), b.to?.slice(0, 4)];
  if (first && last) return first === last ? first : `${first}–${last}`;
  if (first) return `from ${first}`;
  if (last) return `up to ${last}`;
  return "every year";
};

/** What the pair's products are called: the product's name, the category's, or all products. */
export function toProductText(b: Bilateral, productName?: string): string {
  if (b.product) return productName ?? b.product;
  if (b.category)
    return (MAP_CATEGORIES as readonly string[]).includes(b.category)
      ? MAP_CATEGORY_LABELS[b.category as MapCategory]
      : formatKeyword(b.category);
  return "all products";
}

/** "Netherlands → China, HS 8486, 2015–2025". */
export function toBilateralTitle(b: Bilateral, productName?: string): string {
  return `${getCountry(b.origin).name} → ${getCountry(b.destination).name}, ${toProductText(b, productName)}, ${yearsText(b)}`;
}

/** The pair's series: one line per product, per year; the other side's report of a figure is its alternative. */
export function toBilateralSeriesQuery(b: Bilateral): SeriesQueryInput {
  return {
    metric: b.metric,
    groupBy: "product",
    interval: "year",
    origin: b.origin,
    destination: b.destination,
    ...(b.product ? { product: b.product } : b.category ? { category: b.category } : {}),
    ...(b.from ? { from: b.from } : {}),
    ...(b.to ? { to: b.to } : {}),
  };
}

/** The pair as a dashboard view of the same series: its links (view, embed, downloads, citation) are that view's. */
export function toBilateralView(b: Bilateral): ViewState {
  const product = b.product ? { product: [b.product] } : b.category ? { category: [b.category] } : {};
  return {
    ...DEFAULT_VIEW,
    metric: b.metric,
    groupBy: "product",
    interval: "year",
    from: b.from,
    to: b.to,
    filters: { ...noFilters(), origin: [b.origin], destination: [b.destination], ...product },
  };
}

/** The years of the period that no figure covers, as "2024–2025, 2019" runs. */
export function toMissingYears(b: Bilateral, covered: ReadonlySet<number>): string[] {
  if (!b.from || !b.to) return [];
  const runs: [number, number][] = [];
  for (let y = Number(b.from.slice(0, 4)); y <= Number(b.to.slice(0, 4)); y++) {
    if (covered.has(y)) continue;
    const last = runs.at(-1);
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, z]) => (a === z ? String(a) : `${a}–${z}`));
}
