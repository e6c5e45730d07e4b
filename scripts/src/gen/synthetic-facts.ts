import type { Confidence, EstimateKind } from "@chipflow/core";
import { mulberry32 } from "./mulberry32.js";
import { ORIGINS_PER_VENDOR, type SyntheticShape } from "./synthetic-shape.js";

/** One synthetic fact, by index into its shape's dimension lists. */
export interface SyntheticFact {
  period: number;
  product: number;
  vendor: number;
  origin: string;
  destination: string;
  buyer: number | null;
  metric: "units" | "revenue_usd";
  value: number;
  low: number | null;
  high: number | null;
  estimateKind: EstimateKind;
  confidence: Confidence | null;
  source: number;
}

const METRICS = ["units", "revenue_usd"] as const;
const CONFIDENCES: (Confidence | null)[] = ["high", "medium", "medium", "low", null];
/** A prime, so that i ↦ (i·STRIDE + offset) mod keySpace visits every key once. */
const STRIDE = 2_654_435_761;

/** How many distinct natural keys a shape can hold: the most facts a synthetic dataset can have. */
export function keySpaceOf(shape: SyntheticShape): number {
  return METRICS.length * shape.products.length * shape.countries.length * shape.periods.length * ORIGINS_PER_VENDOR;
}

/**
 * The facts of a synthetic dataset, generated one at a time (memory stays flat). Fact `i` takes key
 * `(i·STRIDE + offset) mod keySpace`, a permutation, so keys never repeat and are spread over every
 * dimension; the other fields come from a seeded PRNG.
 */
export function* generateSyntheticFacts(shape: SyntheticShape, count: number, seed: number): Generator<SyntheticFact> {
  const space = keySpaceOf(shape);
  if (count > space) throw new Error(`at most ${space} synthetic facts fit the shape (asked for ${count})`);
  const random = mulberry32(seed);
  const stride = STRIDE % space;
  const offset = Math.floor(random() * space);
  const firstForecast = shape.periods.findIndex(([start]) => start >= "2026-01-01");
  const nCountries = shape.countries.length;
  const nPeriods = shape.periods.length;
  const nProducts = shape.products.length;

  for (let i = 0; i < count; i++) {
    let key = (i * stride + offset) % space;
    const metric = METRICS[key % 2]!;
    key = Math.floor(key / 2);
    const originSlot = key % ORIGINS_PER_VENDOR;
    key = Math.floor(key / ORIGINS_PER_VENDOR);
    const destination = shape.countries[key % nCountries]!;
    key = Math.floor(key / nCountries);
    const period = key % nPeriods;
    const productIndex = Math.floor(key / nPeriods) % nProducts;
    const product = shape.products[productIndex]!;
    const vendor = shape.vendors[product.vendor]!;

    const units = Math.max(1, Math.round(product.baseUnits * (0.2 + random() * 1.6)));
    const value = metric === "units" ? units : Math.round(units * product.priceUsd * (0.9 + random() * 0.2));
    const ranged = random() < 0.1;
    const forecast = period >= firstForecast;
    yield {
      period,
      product: productIndex,
      vendor: product.vendor,
      origin: vendor.origins[originSlot]!,
      destination,
      buyer: random() < 0.2 ? Math.floor(random() * shape.buyers.length) : null,
      metric,
      value,
      low: ranged ? Math.round(value * 0.85) : null,
      high: ranged ? Math.round(value * 1.15) : null,
      estimateKind: forecast ? "forecast" : random() < 0.3 ? "reported" : "estimate",
      confidence: CONFIDENCES[Math.floor(random() * CONFIDENCES.length)]!,
      source: Math.floor(random() * shape.sources.length),
    };
  }
}
