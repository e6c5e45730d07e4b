import {
  CATEGORIES,
  GROUP_BYS,
  INTERVALS,
  METRIC_IDS,
  isIsoDate,
  keyword,
  type GroupBy,
  type Interval,
  type Metric,
} from "@chipflow/core";
import { SERIES_MODES, type SeriesMode } from "../charts/time-series/transforms.js";

/** The filters of a view: each list holds ids (vendor, product, buyer, dataset), categories or ISO3 codes. */
export const FILTER_KEYS = ["vendor", "product", "category", "origin", "destination", "buyer", "dataset"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const MARKS = ["line", "area"] as const;
export type Mark = (typeof MARKS)[number];

/** The product categories the map offers, "all" adding them up (money only: units of different things never add). */
export const MAP_CATEGORIES = ["all", "ai_accelerator", "integrated_circuits", "semiconductor_equipment"] as const;
export type MapCategory = (typeof MAP_CATEGORIES)[number];
export const MAP_CATEGORY_LABELS: Record<MapCategory, string> = {
  all: "All products",
  ai_accelerator: "AI accelerators",
  integrated_circuits: "Integrated circuits",
  semiconductor_equipment: "Chip-making equipment",
};

/** Dimensions the ranking chart can rank. */
export const RANK_BYS = GROUP_BYS;

/** Everything a user can change on the dashboard. It all lives in the URL, so a copied link reproduces the view. */
export interface ViewState {
  metric: Metric;
  groupBy: GroupBy;
  interval: Interval;
  mark: Mark;
  rankBy: GroupBy;
  filters: Record<FilterKey, string[]>;
  from: string | undefined;
  to: string | undefined;
  /** Whether policy events are drawn on time axes. */
  events: boolean;
  /** All events, rather than the handful that moved the flows most. */
  allEvents: boolean;
  /** The time series' y axis: linear, or log to compare growth at any size. */
  scale: "linear" | "log";
  /** Charts shown as tables instead of pictures. */
  tables: string[];
  /** What the time series draws: the values, each line indexed to its first figure (= 100), or shares of the total. */
  mode: SeriesMode;
  /** The map's product category; unset, the map follows the view's category filter. */
  mapCategory: MapCategory | undefined;
  /** The one year the map shows; unset, the map shows the view's period. */
  mapYear: number | undefined;
  /** The Sankey opens on a vendor and destination whose products are itemised, rather than on the view's filters. */
  itemisedFlows: boolean;
}

export const noFilters = (): Record<FilterKey, string[]> =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, []])) as unknown as Record<FilterKey, string[]>;

/** The view of a bare URL: NVIDIA revenue by customer headquarters region, per year (its figures are fiscal years). */
export const DEFAULT_VIEW: ViewState = {
  metric: "revenue_usd",
  groupBy: "destination",
  interval: "year",
  mark: "line",
  rankBy: "destination",
  filters: { ...noFilters(), vendor: ["nvidia"], dataset: ["nvidia-geo-hq"] },
  from: undefined,
  to: undefined,
  events: true,
  allEvents: false,
  scale: "linear",
  tables: [],
  mode: "values",
  mapCategory: undefined,
  mapYear: undefined,
  itemisedFlows: true,
};

const list = (value: string | null) =>
  value === null
    ? []
    : value
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");

/** A keyword from the URL, or the default when it is missing or not allowed (a stale link still opens). */
function maybeKeyword<T extends string>(value: string | null, name: string, allowed: readonly T[], fallback: T): T {
  if (value === null) return fallback;
  try {
    return keyword(value, name, allowed);
  } catch {
    return fallback;
  }
}

const maybeYear = (value: string | null) => (value !== null && /^\d{4}$/.test(value) ? Number(value) : undefined);

const maybeDate = (value: string | null) => (value !== null && isIsoDate(value) ? value : undefined);

/**
 * The view a query string describes. A bare URL gives the page's own view (`base`: the default, or a curated
 * view's preset); otherwise a missing filter means "no filter", so every link says exactly what it shows.
 */
export function parseViewState(search: string, base: ViewState = DEFAULT_VIEW): ViewState {
  const params = new URLSearchParams(search);
  if ([...params.keys()].length === 0) return base;
  const filters = noFilters();
  for (const key of FILTER_KEYS) filters[key] = list(params.get(key));
  filters.category = filters.category.filter((c) => (CATEGORIES as readonly string[]).includes(c));
  return {
    metric: maybeKeyword(params.get("metric"), "metric", METRIC_IDS, DEFAULT_VIEW.metric),
    groupBy: maybeKeyword(params.get("groupBy"), "groupBy", GROUP_BYS, DEFAULT_VIEW.groupBy),
    interval: maybeKeyword(params.get("interval"), "interval", INTERVALS, DEFAULT_VIEW.interval),
    mark: maybeKeyword(params.get("mark"), "mark", MARKS, DEFAULT_VIEW.mark),
    rankBy: maybeKeyword(params.get("rankBy"), "rankBy", RANK_BYS, DEFAULT_VIEW.rankBy),
    filters,
    from: maybeDate(params.get("from")),
    to: maybeDate(params.get("to")),
    events: params.get("events") !== "off",
    allEvents: params.get("events") === "all",
    scale: params.get("scale") === "log" ? "log" : "linear",
    tables: list(params.get("tables")),
    mode: maybeKeyword(params.get("mode"), "mode", SERIES_MODES, DEFAULT_VIEW.mode),
    mapCategory: params.has("mapCategory")
      ? maybeKeyword(params.get("mapCategory"), "mapCategory", MAP_CATEGORIES, "all")
      : undefined,
    mapYear: maybeYear(params.get("mapYear")),
    itemisedFlows: params.get("flows") === "itemised",
  };
}

/** The query string of a view, in a stable order so equal views give equal URLs. */
export function toViewSearch(view: ViewState): string {
  const params = new URLSearchParams();
  params.set("metric", view.metric);
  params.set("groupBy", view.groupBy);
  params.set("interval", view.interval);
  if (view.mark !== "line") params.set("mark", view.mark);
  if (view.rankBy !== DEFAULT_VIEW.rankBy) params.set("rankBy", view.rankBy);
  for (const key of FILTER_KEYS) if (view.filters[key].length > 0) params.set(key, view.filters[key].join(","));
  if (view.from) params.set("from", view.from);
  if (view.to) params.set("to", view.to);
  if (!view.events) params.set("events", "off");
  else if (view.allEvents) params.set("events", "all");
  if (view.scale === "log") params.set("scale", "log");
  if (view.tables.length > 0) params.set("tables", [...view.tables].sort().join(","));
  if (view.mode !== "values") params.set("mode", view.mode);
  if (view.mapCategory) params.set("mapCategory", view.mapCategory);
  if (view.mapYear !== undefined) params.set("mapYear", String(view.mapYear));
  if (view.itemisedFlows) params.set("flows", "itemised");
  return `?${params.toString().replaceAll("%2C", ",")}`;
}

/** The filters and period of a view as API query parameters (lists comma-joined, empty ones left out). */
export function toFilterParams(view: ViewState): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (view.filters[key].length > 0) params[key] = view.filters[key].join(",");
  if (view.from) params.from = view.from;
  if (view.to) params.to = view.to;
  return params;
}
