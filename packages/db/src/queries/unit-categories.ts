import { countsUnits, type GroupBy, type Metric } from "@chipflow/core";

/** Stands for facts that name no product category: their units cannot be added to any other's. */
const NO_CATEGORY = "(no category)";

/** A figure would add units of different product categories: a 400 that says which, and what to send instead. */
export class MixedUnitsError extends Error {
  readonly statusCode = 400;
  readonly code = "UNITS_MIXED_CATEGORIES";
}

/**
 * The product categories whose units one figure counts, for a metric that counts units (none otherwise). Throws
 * `MixedUnitsError` when there are several: 150 chip-making machines and 1.5M chips are never one figure. `groupBy`
 * is the grouping of a series or breakdown (`null` for flows), where grouping by category is the other way out.
 */
export function unitCategoriesOf(
  metric: Metric,
  categories: Iterable<string | null>,
  groupBy: GroupBy | null,
): Set<string> {
  if (!countsUnits(metric)) return new Set();
  const found = new Set<string>();
  for (const c of categories) found.add(c ?? NO_CATEGORY);
  if (found.size > 1) {
    const [first, ...rest] = [...found].sort();
    const named = [first, ...rest].join(", ");
    const choice = first === NO_CATEGORY ? rest[0]! : first!;
    throw new MixedUnitsError(
      `${metric} counts things, and units add up only within one product category: this would add units of ` +
        `${named}. Send category=${choice} (or another of them)` +
        (groupBy === null ? "" : ", or groupBy=category to see each apart"),
    );
  }
  return found;
}

/** The categories of all figures of a response, sorted: with more than one, nothing may add the figures up. */
export function listUnitCategories(perFigure: Iterable<Set<string>>): string[] {
  const all = new Set<string>();
  for (const set of perFigure) for (const c of set) all.add(c);
  return [...all].sort();
}
