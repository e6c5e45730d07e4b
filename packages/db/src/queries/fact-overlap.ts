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
