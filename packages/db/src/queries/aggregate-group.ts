import type { GroupBy } from "@chipflow/core";

/**
 * True for a group that is the reported total of the others, not one of them: World (`WLD`) when grouping by
 * origin or destination. Such a group is never a slice of the same total, never stacked with its parts and never
 * added to them. (`ROW`, a table's "other countries", is a part: the residual of the same total.)
 */
export function isAggregateGroup(groupBy: GroupBy, key: string): boolean {
  return (groupBy === "origin" || groupBy === "destination") && key === "WLD";
}
