import type { Category, Dimensions, EventTopic } from "@chipflow/core";
import type { ViewState } from "./view-state.js";

/** What each product category is about, for the events a chart shows first; the others (foundry, other) say nothing. */
const TOPIC_OF: Partial<Record<Category, EventTopic>> = {
  ai_accelerator: "chips",
  gpu: "chips",
  cpu: "chips",
  memory: "chips",
  integrated_circuits: "chips",
  lithography: "tools",
  deposition_etch: "tools",
  inspection: "tools",
  semiconductor_equipment: "tools",
};

/**
 * What a view is about, chips or the tools that make them: from the product categories it names (its category
 * filter, the products it filters on or draws) and from what its vendors make (the vendors it filters on or draws,
 * and their products). Null when it names none, or both.
 */
export function viewTopic(view: ViewState, dimensions: Dimensions, drawnKeys: string[] = []): EventTopic | null {
  const products = new Set([...view.filters.product, ...(view.groupBy === "product" ? drawnKeys : [])]);
  const vendors = new Set([...view.filters.vendor, ...(view.groupBy === "vendor" ? drawnKeys : [])]);
  const topics = new Set([
    ...(view.filters.category as Category[]).map((c) => TOPIC_OF[c]),
    ...dimensions.products
      .filter((p) => products.has(p.id) || (p.vendorId !== null && vendors.has(p.vendorId)))
      .map((p) => TOPIC_OF[p.category]),
    ...dimensions.vendors.filter((v) => vendors.has(v.id)).map((v) => v.makes),
  ]);
  topics.delete(undefined);
  topics.delete(null);
  return topics.size === 1 ? [...topics][0]! : null;
}
