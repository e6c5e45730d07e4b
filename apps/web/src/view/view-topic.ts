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
 * What a view is about, chips or the tools that make them, from the product categories it names: its category
 * filter, the products it filters on or draws, and the products of the vendors it filters on. Null when it names
 * none, or both.
 */
export function viewTopic(view: ViewState, dimensions: Dimensions, drawnKeys: string[] = []): EventTopic | null {
  const products = new Set([...view.filters.product, ...(view.groupBy === "product" ? drawnKeys : [])]);
  const vendors = new Set(view.filters.vendor);
  const categories = [
    ...(view.filters.category as Category[]),
    ...dimensions.products
      .filter((p) => products.has(p.id) || (p.vendorId !== null && vendors.has(p.vendorId)))
      .map((p) => p.category),
  ];
  const topics = new Set(categories.map((c) => TOPIC_OF[c]).filter((t) => t !== undefined));
  return topics.size === 1 ? [...topics][0]! : null;
}
