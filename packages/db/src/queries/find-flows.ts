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
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import { findFactsInPeriod } from "./find-facts-in-period.js";
import { findPlainFlowFacts, prepareCached } from "./find-facts-for-query.js";
import { getChangeMarker } from "./get-change-marker.js";
import { listSourcesByIds } from "./list-sources.js";
import { CONFIDENCE_RANKS, KIND_RANKS } from "../rollups/cell-sums.js";
import { addsUpPlainly, PlainSum, type PlainFlow } from "./plain-sums.js";
import { resolveCell, sourceIdsOf } from "./resolve-cell.js";
import { sumFigures } from "./sum-figures.js";
import { unitCategoriesOf } from "./unit-categories.js";

/** A vendor → product → destination path of the Sankey with its figure. */
interface Triple {
  vendor: string;
  middle: string;
  destination: string;
  figure: Figure;
  residual: boolean;
}

/** What a flow's cells come to, before their links are added up and put in order. */
interface FlowCells {
  nodes: Map<string, FlowNode>;
  triples: Triple[];
  mapLinks: MapLink[];
  unplaced: number;
  excluded: number;
}

const placed = (code: string | null): code is string => code !== null && code !== "WLD";

const strip = ({ chosen: _chosen, ...figure }: ReturnType<typeof resolveCell>): Figure => figure;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const KIND_ORDER: Record<FlowNode["kind"], number> = { vendor: 0, product: 1, destination: 2 };

/**
 * Flows over a period for an additive metric. The Sankey resolves each vendor → destination cell (a vendor total
 * wins over its products), then shows the products that the facts itemise and, where the total is larger than its
 * itemised products, the rest through a `rest:<vendor>` node: each vendor's outflow equals its resolved figure.
 * The map resolves each origin → destination cell over all vendors. Units of different product categories are
 * refused: the Sankey's nodes and the map's scale would add them. Nodes come vendors first, then products, then
 * destinations, each kind by id; links largest first (ties by source, then target), so that the answer does not
 * depend on the order the facts were read in.
 */
export function findFlows(db: ReadonlyDb, query: FlowsQuery, options: { plainSums?: boolean } = {}): FlowsResponse {
  // Where no fact holds or competes with another (the common case of a big import), each cell is a plain sum of
  // its facts, read from one index.
  const marker = getChangeMarker(db);
  const plain = (options.plainSums ?? true) ? addsUpPlainly(db, query) : null;
  const cells = plain ? plainCells(db, query, plain) : ruledCells(db, query);
  // An import committed between the check and the read may have brought facts that do not add up plainly.
  if (plain && getChangeMarker(db) !== marker) return findFlows(db, query, { plainSums: false });

  // Sums over several triples take their datasets and confidence in order: the same order either way.
  const triples = cells.triples.sort(
    (a, b) => compare(a.vendor, b.vendor) || compare(a.middle, b.middle) || compare(a.destination, b.destination),
  );
  const links = linksOf(triples);
  links.sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || compare(a.source, b.source) || compare(a.target, b.target));
  const mapLinks = cells.mapLinks.sort(
    (a, b) => (b.value ?? 0) - (a.value ?? 0) || compare(a.origin, b.origin) || compare(a.destination, b.destination),
  );
  const nodes = [...cells.nodes.values()].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.id, b.id),
  );

  const sourceIds = new Set<number>();
  for (const list of [links, mapLinks]) for (const link of list) for (const id of sourceIdsOf(link)) sourceIds.add(id);
  return {
    metric: { id: query.metric, ...METRICS[query.metric] },
    from: query.from ?? null,
    to: query.to ?? null,
    sankey: { nodes, links },
    map: { links: mapLinks, unplaced: cells.unplaced },
    excludedFacts: cells.excluded,
    sources: listSourcesByIds(db, sourceIds),
  };
}

/**
 * The Sankey's links from its paths: vendor → product and product → destination, each the sum of the paths through
 * it, their figures added in the paths' order. Grouped through maps keyed by the nodes' ids, which each path shares
 * with the others through the same nodes, rather than by a key joined anew for every path.
 */
function linksOf(triples: Triple[]): FlowLink[] {
  const groups = new Map<string, Map<string, Triple[]>>();
  const paths = (source: string, target: string) => child(child(groups, source, newPathLists), target, newPaths);
  for (const t of triples) paths(t.vendor, t.middle).push(t);
  for (const t of triples) paths(t.middle, t.destination).push(t);
  const links: FlowLink[] = [];
  for (const [source, byTarget] of groups)
    for (const [target, list] of byTarget)
      links.push({ source, target, residual: list[0]!.residual, ...sumFigures(list.map((t) => t.figure)) });
  return links;
}

/** A flow's cells resolved by the rules from its facts. */
function ruledCells(db: ReadonlyDb, query: FlowsQuery): FlowCells {
  const { facts, excluded } = findFactsInPeriod(db, query.metric, query);
  // Every link shares one scale and nodes add their links up: units of one product category only.
  unitCategoriesOf(
    query.metric,
    facts.map((f) => f.category),
    null,
  );
  const nodes = new Map<string, FlowNode>();
  const triples: Triple[] = [];
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
      return { middle: `product:${id}`, figure: strip(resolveCell(list, true)) };
    });
    for (const p of products) triples.push({ vendor, destination, ...p, residual: false });
    const total = resolveCell(cellFacts, true);
    const itemised = products.reduce((s, p) => s + (p.figure.value ?? 0), 0);
    const totalHoldsParts = total.chosen.some((f) => f.productId === null);
    if (totalHoldsParts && total.value !== null && total.value - itemised > 1e-9 * Math.abs(total.value)) {
      const rest = `rest:${first.vendorId}`;
      nodes.set(rest, { id: rest, kind: "product", label: `${first.vendor ?? first.vendorId} (not itemised)` });
      const figure: Figure = { ...strip(total), value: total.value - itemised, low: null, high: null, basis: "sum" };
      triples.push({ vendor, destination, middle: rest, figure, residual: true });
    }
  }
  const mapFacts = facts.filter((f) => placed(f.origin) && placed(f.destination));
  const mapLinks = [...groupMap(mapFacts, (f) => `${f.origin}|${f.destination}`).values()].map((list) => ({
    origin: list[0]!.origin!,
    destination: list[0]!.destination!,
    ...strip(resolveCell(list, true)),
  }));
  return { nodes, triples, mapLinks, unplaced: facts.length - mapFacts.length, excluded };
}

/**
 * A flow's cells where every one is the plain sum of its facts (see `addsUpPlainly`): the facts are read from one
 * index with their cells' keys and added up as they come; names are looked up once per vendor and product. Every
 * fact names its product, so no vendor total is left to show through a `rest:` node.
 */
function plainCells(
  db: ReadonlyDb,
  query: FlowsQuery,
  { excluded, datasets, categories, vendorless }: PlainFlow,
): FlowCells {
  unitCategoriesOf(query.metric, categories, null);
  // Cells by vendor id, product id and destination, and by origin and destination: maps within maps, so that a
  // fact's cell is found by the values it was read with, without a key made for it.
  const sankey = new Map<number, Map<number, Map<string, PlainSum>>>();
  const map = new Map<string, Map<string, PlainSum>>();
  let unplaced = 0;
  const facts = findPlainFlowFacts(db, query.metric, query, vendorless);
  // Fact i is at index i of every column (`noUncheckedIndexedAccess` cannot know that they are as long).
  const at = <T>(column: T[], i: number) => column[i] as T;
  for (let i = 0; i < facts.sourceId.length; i++) {
    const vendor = at(facts.vendorId, i);
    const product = at(facts.productId, i);
    const origin = at(facts.origin, i);
    const destination = at(facts.destination, i);
    const value = at(facts.value, i);
    const low = at(facts.low, i);
    const high = at(facts.high, i);
    const kind = KIND_RANKS[at(facts.estimateKind, i)];
    const confidence = CONFIDENCE_RANKS[at(facts.confidence, i) ?? "none"];
    const source = at(facts.sourceId, i);
    if (vendor !== null && product !== null && destination !== null) {
      const cells = child(child(sankey, vendor, newProducts), product, newCells);
      child(cells, destination, newSum).add(value, low, high, kind, confidence, source);
    }
    if (origin !== null && destination !== null)
      child(child(map, origin, newCells), destination, newSum).add(value, low, high, kind, confidence, source);
    else unplaced++;
  }

  const mapLinks: MapLink[] = [];
  for (const [origin, byDestination] of map)
    for (const [destination, sum] of byDestination) {
      if (placed(origin) && placed(destination))
        mapLinks.push({ origin, destination, ...sum.figure(datasets.get(destination)!) });
      else unplaced += sum.count;
    }
  const cells: { vendor: number; product: number; destination: string; sum: PlainSum }[] = [];
  const vendorIds = new Set<number>();
  const productIds = new Set<number>();
  for (const [vendor, byProduct] of sankey) {
    vendorIds.add(vendor);
    for (const [product, byDestination] of byProduct) {
      productIds.add(product);
      for (const [destination, sum] of byDestination)
        if (placed(destination)) cells.push({ vendor, product, destination, sum });
    }
  }
  // Each node's id is made once, when its first cell comes, and shared by the cells through it.
  const nodes = new Map<string, FlowNode>();
  const nodeIds = <K>(kind: FlowNode["kind"], named: (key: K) => { slug: string; name: string }) => {
    const ids = new Map<K, string>();
    return (key: K) => {
      let id = ids.get(key);
      if (id === undefined) {
        const { slug, name } = named(key);
        ids.set(key, (id = `${kind}:${slug}`));
        nodes.set(id, { id, kind, label: name });
      }
      return id;
    };
  };
  const vendors = namesOf(db, "vendors", vendorIds);
  const products = namesOf(db, "products", productIds);
  const vendorNode = nodeIds("vendor", (id: number) => vendors.get(id)!);
  const productNode = nodeIds("product", (id: number) => products.get(id)!);
  const destinationNode = nodeIds("destination", (code: string) => ({ slug: code, name: getCountry(code).name }));
  const triples = cells.map(({ vendor, product, destination, sum }): Triple => ({
    vendor: vendorNode(vendor),
    middle: productNode(product),
    destination: destinationNode(destination),
    figure: sum.figure(datasets.get(destination)!),
    residual: false,
  }));
  return { nodes, triples, mapLinks, unplaced, excluded };
}

/** The value at `key` of a map, made and put there first if missing. */
function child<K, V>(parent: Map<K, V>, key: K, make: () => V): V {
  let value = parent.get(key);
  if (value === undefined) parent.set(key, (value = make()));
  return value;
}

// What `child` makes: cells and their sums, and the lists of a link's paths.
const newProducts = () => new Map<number, Map<string, PlainSum>>();
const newCells = () => new Map<string, PlainSum>();
const newSum = () => new PlainSum();
const newPathLists = () => new Map<string, Triple[]>();
const newPaths = (): Triple[] => [];

/** The slugs and names of vendors or products by id. */
function namesOf(db: ReadonlyDb, table: "vendors" | "products", ids: Set<number>) {
  const rows = prepareCached(
    db,
    `SELECT id, slug, name FROM ${table} WHERE id IN ${dialectOf(db).jsonList("?", "integer")}`,
  ).all(JSON.stringify([...ids])) as { id: number; slug: string; name: string }[];
  return new Map(rows.map((r) => [Number(r.id), r]));
}
