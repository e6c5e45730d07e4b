import {
  METRICS,
  getCountry,
  groupMap,
  type Figure,
  type FlowLink,
  type FlowNode,
  type FlowsQuery,
  type FlowsResponse,
  type MapLink,
} from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findFactsInPeriod } from "./find-facts-in-period.js";
import { getChangeMarker } from "./get-change-marker.js";
import { findFlowFacts, type FlowFactRow, type QueryFactRow } from "./find-facts-for-query.js";
import { listSourcesByIds } from "./list-sources.js";
import { addsUpPlainly, plainSum } from "./plain-sums.js";
import { resolveCell, sourceIdsOf } from "./resolve-cell.js";
import { sumFigures } from "./sum-figures.js";
import { unitCategoriesOf } from "./unit-categories.js";

const placed = (code: string | null): code is string => code !== null && code !== "WLD";

const strip = ({ chosen: _chosen, ...figure }: ReturnType<typeof resolveCell>): Figure => figure;

/**
 * Flows over a period for an additive metric. The Sankey resolves each vendor → destination cell (a vendor total
 * wins over its products), then shows the products that the facts itemise and, where the total is larger than its
 * itemised products, the rest through a `rest:<vendor>` node: each vendor's outflow equals its resolved figure.
 * The map resolves each origin → destination cell over all vendors. Units of different product categories are
 * refused: the Sankey's nodes and the map's scale would add them.
 */
export function findFlows(db: ReadonlyDb, query: FlowsQuery, options: { plainSums?: boolean } = {}): FlowsResponse {
  const metric = METRICS[query.metric];
  // Where no fact holds or competes with another (the common case of a big import), each cell is a plain sum of
  // its facts, and they are read with fewer columns.
  const marker = getChangeMarker(db);
  const plain = (options.plainSums ?? true) && addsUpPlainly(db, query);
  const { facts, excluded } = plain
    ? findFactsInPeriod(db, query.metric, query, findFlowFacts)
    : findFactsInPeriod(db, query.metric, query);
  // An import committed between the check and the read may have brought facts that do not add up plainly.
  if (plain && getChangeMarker(db) !== marker) return findFlows(db, query, { plainSums: false });
  const resolve = (list: FlowFactRow[]): Figure =>
    plain ? plainSum(list) : strip(resolveCell(list as QueryFactRow[], true));
  // Every link shares one scale and nodes add their links up: units of one product category only.
  unitCategoriesOf(
    query.metric,
    facts.map((f) => f.category),
    null,
  );
  const nodes = new Map<string, FlowNode>();
  const triples: { vendor: string; middle: string; destination: string; figure: Figure; residual: boolean }[] = [];

  const sankeyFacts = facts.filter((f) => f.vendorId !== null && placed(f.destination));
  for (const [, cellFacts] of groupMap(sankeyFacts, (f) => `${f.vendorId}|${f.destination}`)) {
    const first = cellFacts[0]!;
    const vendor = `vendor:${first.vendorId}`;
    const destination = `destination:${first.destination}`;
    nodes.set(vendor, { id: vendor, kind: "vendor", label: first.vendor ?? first.vendorId! });
    nodes.set(destination, { id: destination, kind: "destination", label: getCountry(first.destination!).name });
    const productFacts = cellFacts.filter((f) => f.productId !== null);
    const products = [...groupMap(productFacts, (f) => f.productId)].map(([id, list]) => {
      nodes.set(`product:${id}`, { id: `product:${id}`, kind: "product", label: list[0]!.product ?? id! });
      return { middle: `product:${id}`, figure: resolve(list) };
    });
    for (const p of products) triples.push({ vendor, destination, ...p, residual: false });
    // Plain sums name every product: nothing is left to a vendor total.
    if (plain) continue;
    const total = resolveCell(cellFacts as QueryFactRow[], true);
    const itemised = products.reduce((s, p) => s + (p.figure.value ?? 0), 0);
    const totalHoldsParts = total.chosen.some((f) => f.productId === null);
    if (totalHoldsParts && total.value !== null && total.value - itemised > 1e-9 * Math.abs(total.value)) {
      const rest = `rest:${first.vendorId}`;
      nodes.set(rest, { id: rest, kind: "product", label: `${first.vendor ?? first.vendorId} (not itemised)` });
      const figure: Figure = { ...strip(total), value: total.value - itemised, low: null, high: null, basis: "sum" };
      triples.push({ vendor, destination, middle: rest, figure, residual: true });
    }
  }

  const links: FlowLink[] = [];
  const addLinks = (keyOf: (t: (typeof triples)[number]) => [string, string]) => {
    for (const [key, list] of groupMap(triples, (t) => keyOf(t).join("\u0000"))) {
      const [source, target] = key.split("\u0000") as [string, string];
      links.push({ source, target, residual: list[0]!.residual, ...sumFigures(list.map((t) => t.figure)) });
    }
  };
  addLinks((t) => [t.vendor, t.middle]);
  addLinks((t) => [t.middle, t.destination]);

  const mapFacts = facts.filter((f) => placed(f.origin) && placed(f.destination));
  const mapLinks: MapLink[] = [...groupMap(mapFacts, (f) => `${f.origin}|${f.destination}`).values()].map((list) => ({
    origin: list[0]!.origin!,
    destination: list[0]!.destination!,
    ...resolve(list),
  }));
  mapLinks.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  links.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));

  return {
    metric: { id: query.metric, ...metric },
    from: query.from ?? null,
    to: query.to ?? null,
    sankey: { nodes: [...nodes.values()], links },
    map: { links: mapLinks, unplaced: facts.length - mapFacts.length },
    excludedFacts: excluded,
    sources: listSourcesByIds(db, [...links, ...mapLinks].flatMap(sourceIdsOf)),
  };
}
