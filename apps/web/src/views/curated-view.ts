import { DEFAULT_VIEW, FILTER_KEYS, type FilterKey, type ViewState } from "../view/view-state.js";

/** A named view with its own URL (`/views/<slug>`): a preset of the dashboard and what it shows, in words. */
export interface CuratedView {
  slug: string;
  title: string;
  /** Two paragraphs written from the data and its sources; every figure in them is a fact of the seed data. */
  paragraphs: [string, string];
  view: ViewState;
}

/** Every filter of a view, empty but for those given. */
export const filters = (set: Partial<Record<FilterKey, string[]>>) =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, set[k] ?? []])) as Record<FilterKey, string[]>;

/** A view of customs figures (UN Comtrade) year by year, drawn and ranked by partner on one side of the trade. */
export const customsView = (
  groupBy: "origin" | "destination",
  set: Partial<Record<FilterKey, string[]>>,
  years?: { from: string; to: string },
): ViewState => ({
  ...DEFAULT_VIEW,
  metric: "revenue_usd",
  groupBy,
  interval: "year",
  rankBy: groupBy,
  filters: filters(set),
  ...years,
});
