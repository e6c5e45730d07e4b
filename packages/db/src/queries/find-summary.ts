import { METRICS, type FactFilter, type SummaryResponse, type SummaryTile } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findFactsInPeriod } from "./find-facts-in-period.js";
import { listSourcesByIds } from "./list-sources.js";
import { resolveCell, sourceIdsOf } from "./resolve-cell.js";
import { SUMMARY_TILES, type SummaryTileSpec } from "./summary-tiles.js";

const toFilter = (t: SummaryTileSpec): FactFilter => ({
  vendor: t.filter.vendor ?? [],
  product: t.filter.product ?? [],
  category: [],
  origin: [],
  destination: t.filter.destination ?? [],
  buyer: [],
  dataset: t.filter.dataset ?? [],
  from: t.from,
  to: t.to,
});

const toQuerystring = (t: SummaryTileSpec) =>
  new URLSearchParams({
    metric: t.metric,
    from: t.from,
    to: t.to,
    ...Object.fromEntries(Object.entries(t.filter).map(([k, v]) => [k, v.join(",")])),
  }).toString();

/** The headline tiles, each one resolved cell over the facts its query matches (see `SUMMARY_TILES`). */
export function findSummary(db: ReadonlyDb, tiles: readonly SummaryTileSpec[] = SUMMARY_TILES): SummaryResponse {
  const out: SummaryTile[] = [];
  for (const t of tiles) {
    const { facts } = findFactsInPeriod(db, t.metric, toFilter(t));
    if (facts.length === 0) continue;
    const { chosen: _chosen, ...figure } = resolveCell(facts, METRICS[t.metric].aggregation === "sum");
    out.push({
      id: t.id,
      title: t.title,
      metric: { id: t.metric, ...METRICS[t.metric] },
      periodStart: t.from,
      periodEnd: t.to,
      figure,
      query: toQuerystring(t),
    });
  }
  return {
    tiles: out,
    sources: listSourcesByIds(
      db,
      out.flatMap((t) => sourceIdsOf(t.figure)),
    ),
  };
}
