/** The charts of the dashboard, by the id of their card; each can be embedded alone at `/embed/<id>`. */
export const CHART_IDS = ["series", "flows", "ranking", "map"] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** The chart an embed path names (`/embed/<chart>`), if any. */
export function findEmbeddedChart(pathname: string): ChartId | undefined {
  const id = /^\/embed\/([a-z]+)\/?$/.exec(pathname)?.[1];
  return CHART_IDS.find((c) => c === id);
}
