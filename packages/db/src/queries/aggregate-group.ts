import type { GroupBy } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import { prepareCached } from "./find-facts-for-query.js";

/**
 * True for a group that is the reported total of the others, not one of them: World (`WLD`) when grouping by
 * origin or destination. Such a group is never a slice of the same total, never stacked with its parts and never
 * added to them. (`ROW`, a table's "other countries", is a part: the residual of the same total.)
 */
export function isAggregateGroup(groupBy: GroupBy, key: string): boolean {
  return (groupBy === "origin" || groupBy === "destination") && key === "WLD";
}

/**
 * The product groups that another group of the same view contains: a product within its parent (Ascend 910B beside
 * Ascend 910B + 910C), or within its vendor's total ("Huawei (all products)", key `all-huawei`). Their figures are
 * already in the containing group's, so a total never adds them again.
 */
export function findContainedGroups(db: ReadonlyDb, groupBy: GroupBy, keys: string[]): Set<string> {
  if (groupBy !== "product" || keys.length < 2) return new Set();
  const products = prepareCached(
    db,
    `SELECT p.slug, coalesce(p.path, '/' || p.slug || '/'), v.slug FROM products p LEFT JOIN vendors v ON v.id = p.vendor_id
     WHERE p.slug IN ${dialectOf(db).jsonList("?")}`,
  )
    .raw()
    .all(JSON.stringify(keys)) as [string, string, string | null][];
  const listed = new Set(keys);
  return new Set(
    products
      .filter(
        ([slug, path, vendor]) =>
          (vendor !== null && listed.has(`all-${vendor}`)) ||
          products.some(([other, p]) => other !== slug && path.startsWith(p)),
      )
      .map(([slug]) => slug),
  );
}
