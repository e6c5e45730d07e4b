import type { QueryFactRow } from "./find-facts-for-query.js";

/** The dimensions along which one fact can hold another: NULL (or WLD for a place) means "all" or "not stated". */
const DIMENSIONS = ["vendorId", "productId", "category", "origin", "destination", "buyerId"] as const;

const isAll = (value: string | null) => value === null || value === "WLD";

/** Two named products are apart unless one contains the other (Ascend 910B + 910C holds the 910B). */
const productsApart = (a: QueryFactRow, b: QueryFactRow) =>
  a.productId !== b.productId &&
  !(
    a.productPath &&
    b.productPath &&
    (a.productPath.startsWith(b.productPath) || b.productPath.startsWith(a.productPath))
  );

/** How many products stand above a fact's product: 0 for a product with no parent. */
const depthOf = (f: QueryFactRow) => (f.productPath ? f.productPath.split("/").length - 3 : 0);

/**
 * True when two facts certainly describe different things, so that adding them counts nothing twice: some dimension
 * names a different value in each, or their periods do not overlap. A fact with NULL where the other names a value
 * may include it (a vendor total and one of its products, a country's total and one buyer), so they are not
 * disjoint; nor is a product and another it contains.
 */
export function isDisjoint(a: QueryFactRow, b: QueryFactRow): boolean {
  if (a.periodEnd < b.periodStart || b.periodEnd < a.periodStart) return true;
  return DIMENSIONS.some(
    (d) => !isAll(a[d]) && !isAll(b[d]) && (d === "productId" ? productsApart(a, b) : a[d] !== b[d]),
  );
}

/**
 * How much a fact covers: the number of dimensions it leaves open, and within a product hierarchy a fraction more
 * the higher its product stands. Totals before their parts, parents before their children.
 */
export function generalityOf(f: QueryFactRow): number {
  const open = DIMENSIONS.reduce((n, d) => n + (isAll(f[d]) ? 1 : 0), 0);
  return f.productId === null ? open : open + 0.5 / (1 + depthOf(f));
}

/** The fact's identity: the thing it measures (dimensions and period), whatever its source or dataset. */
export function identityOf(f: QueryFactRow): string {
  return [...DIMENSIONS.map((d) => f[d] ?? ""), f.periodStart, f.periodEnd].join("\u0000");
}

/** The dimensions other than product, keyed exactly (product containment is checked fact by fact). */
const KEYED = DIMENSIONS.filter((d) => d !== "productId");

/** Which keyed dimensions a fact names (bit set) rather than leaves open. */
const namedMask = (f: QueryFactRow) => KEYED.reduce((m, d, i) => (isAll(f[d]) ? m : m | (1 << i)), 0);

const keyOn = (f: QueryFactRow, mask: number) =>
  KEYED.map((d, i) => (mask & (1 << i) ? (f[d] ?? "") : "")).join("\u0000");

/**
 * The facts picked so far for a cell, indexed so that "is this fact disjoint from every one of them?" costs a
 * lookup rather than a pass over them all. Two facts can overlap only if they agree on every dimension both name,
 * so each group of picked facts naming the same dimensions is bucketed by the values of the dimensions it shares
 * with the fact asked about; only a bucket's facts are then checked with `isDisjoint`. The answer is exactly that of
 * `picked.every((p) => isDisjoint(p, f))`.
 */
export class PickedFacts {
  /** Picked facts by the dimensions they name. */
  private readonly byNamed = new Map<number, QueryFactRow[]>();
  /** Buckets by (dimensions a picked fact names, dimensions the asked fact names), built when first asked. */
  private readonly buckets = new Map<string, Map<string, QueryFactRow[]>>();

  add(f: QueryFactRow): void {
    const named = namedMask(f);
    const list = this.byNamed.get(named);
    if (list) list.push(f);
    else this.byNamed.set(named, [f]);
    for (const [id, bucket] of this.buckets) {
      const [pickedNamed, askedNamed] = id.split("/").map(Number) as [number, number];
      if (pickedNamed !== named) continue;
      const key = keyOn(f, named & askedNamed);
      const same = bucket.get(key);
      if (same) same.push(f);
      else bucket.set(key, [f]);
    }
  }

  /** True when `f` is disjoint from every picked fact. */
  disjointFromAll(f: QueryFactRow): boolean {
    const asked = namedMask(f);
    for (const [named, list] of this.byNamed) {
      const id = `${named}/${asked}`;
      let bucket = this.buckets.get(id);
      if (!bucket) {
        bucket = new Map();
        for (const p of list) {
          const key = keyOn(p, named & asked);
          const same = bucket.get(key);
          if (same) same.push(p);
          else bucket.set(key, [p]);
        }
        this.buckets.set(id, bucket);
      }
      for (const p of bucket.get(keyOn(f, named & asked)) ?? []) if (!isDisjoint(p, f)) return false;
    }
    return true;
  }
}
