import { getCountry, type GroupBy } from "@chipflow/core";
import type { QueryFactRow } from "./find-facts-for-query.js";

const NOT_STATED = "(not stated)";

/** The key and label a fact has when grouped by `groupBy`. */
export function groupOf(f: QueryFactRow, groupBy: GroupBy): { key: string; label: string } {
  switch (groupBy) {
    case "vendor":
      return { key: f.vendorId ?? "all", label: f.vendor ?? "All vendors" };
    case "product":
      return {
        key: f.productId ?? `all-${f.vendorId ?? "vendors"}`,
        label: f.product ?? `${f.vendor ?? "All"} (all products)`,
      };
    case "category":
      return { key: f.category ?? "all", label: f.category ?? "All categories" };
    case "buyer":
      return { key: f.buyerId ?? "none", label: f.buyer ?? NOT_STATED };
    case "origin":
    case "destination": {
      const code = f[groupBy];
      return code ? { key: code, label: getCountry(code).name } : { key: "none", label: NOT_STATED };
    }
  }
}
