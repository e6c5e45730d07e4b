import { toApiHref, type ApiResource } from "../api/api-href.js";
import { toCsvHref } from "../api/csv-href.js";
import { findEmbeddedChart, type ChartId } from "../views/embedded-chart.js";
import { toFilterParams, toViewSearch, type ViewState } from "../view/view-state.js";

/** Every address of one chart's view and data, absolute so that they work when copied out of the page. */
export interface ChartLinks {
  /** The view on the dashboard, scrolled to the chart: what a citation and a picture point to. */
  viewUrl: string;
  /** The chart alone, for an iframe on another site. */
  embedUrl: string;
  /** The sources panel of the view (on this page, or on the dashboard when the chart is embedded). */
  sourcesUrl: string;
  /** The API's JSON of the chart's own query. */
  jsonUrl: string;
  /** The API's CSV of the chart's own query, that is the figures drawn, with Excel's byte-order mark. */
  csvUrl: string;
  /** The same CSV without the byte-order mark, for code (pandas, R) that would read it into the first name. */
  csvDataUrl: string;
  /**
   * The full data behind the view: every stored figure of its metric that its filters and period select, one row
   * per fact with its source, before grouping, top N and the resolution of totals and competing estimates.
   */
  fullCsvUrl: string;
}

export interface ChartLinksInput {
  /** Where the page is (`window.location`). */
  location: { origin: string; pathname: string };
  chart: ChartId;
  view: ViewState;
  /** The API resource and query the chart reads. */
  resource: ApiResource;
  query: Record<string, string | number | undefined>;
}

/**
 * The page of a view: an embed's is the dashboard; a curated view keeps its own page (for its intro), and the query
 * string says the rest.
 */
export function toViewPageUrl(location: { origin: string; pathname: string }, view: ViewState): string {
  const embedded = findEmbeddedChart(location.pathname) !== undefined;
  return `${location.origin}${embedded ? "/" : location.pathname}${toViewSearch(view)}`;
}

/** The links of a chart: its view, its embed, and its data as the API gives it. */
export function toChartLinks({ location, chart, view, resource, query }: ChartLinksInput): ChartLinks {
  const { origin } = location;
  const embedded = findEmbeddedChart(location.pathname) !== undefined;
  const page = toViewPageUrl(location, view);
  return {
    viewUrl: `${page}#${chart}`,
    embedUrl: `${origin}/embed/${chart}${toViewSearch(view)}`,
    sourcesUrl: embedded ? `${page}#sources-title` : "#sources-title",
    jsonUrl: `${origin}${toApiHref(resource, query)}`,
    csvUrl: `${origin}${toCsvHref(resource, query)}`,
    csvDataUrl: `${origin}${toApiHref(resource, query, "csv")}`,
    fullCsvUrl: `${origin}${toCsvHref("facts", { metric: view.metric, ...toFilterParams(view) })}`,
  };
}
