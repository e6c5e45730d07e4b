import type { ViewState } from "../../view/view-state.js";

/** "from 2024-01-01 to 2024-12-31", or "over every period" when the view has none. */
export function toPeriodText(view: ViewState): string {
  if (view.from && view.to) return `from ${view.from} to ${view.to}`;
  if (view.from) return `from ${view.from}`;
  if (view.to) return `up to ${view.to}`;
  return "over every period (set From and To to choose one)";
}

/** The note on figures left out because their period is not wholly inside the chosen one. */
export function toExcludedText(excluded: number | undefined): string {
  return excluded ? `; ${excluded} figure(s) overlapping the period but not inside it are left out` : "";
}

export function toggleTable(view: ViewState, id: string): ViewState {
  return { ...view, tables: view.tables.includes(id) ? view.tables.filter((t) => t !== id) : [...view.tables, id] };
}
