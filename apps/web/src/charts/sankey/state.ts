import type { EstimateKind, FlowsResponse } from "@chipflow/core";

export interface FlowNodeDatum {
  id: string;
  kind: "vendor" | "product" | "destination";
  label: string;
}

export interface FlowLinkDatum {
  source: string;
  target: string;
  value: number;
  low: number | null;
  high: number | null;
  estimateKind: EstimateKind;
  sourceIds: number[];
  alternatives: number;
  residual: boolean;
}

export interface FlowGraph {
  nodes: FlowNodeDatum[];
  links: FlowLinkDatum[];
}

/**
 * The Sankey's graph from the API's flows: links without a positive value are dropped (a Sankey cannot draw
 * them), then nodes no link touches. Pure: no pixels.
 */
export function toFlowGraph(response: FlowsResponse): FlowGraph {
  const links = response.sankey.links
    .filter((l) => l.value !== null && l.value > 0)
    .map((l) => ({
      source: l.source,
      target: l.target,
      value: l.value!,
      low: l.low,
      high: l.high,
      estimateKind: l.estimateKind,
      sourceIds: l.sourceIds,
      alternatives: l.alternatives.length,
      residual: l.residual,
    }));
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  return { nodes: response.sankey.nodes.filter((n) => used.has(n.id)), links };
}

/** How much of a vendor's total its itemised products cover. */
export interface ItemisedShare {
  vendor: string;
  label: string;
  itemised: number;
  /** The vendor's resolved total: its itemised products plus the rest not itemised. */
  total: number;
  share: number;
}

/**
 * For each vendor with both itemised products and a rest not itemised (the API's `rest:<vendor>` link), the share
 * of its total the products cover: itemised / (itemised + rest). A vendor with no rest has no reported total to
 * compare with, so no share is claimed for it.
 */
export function toItemisedShares(graph: FlowGraph): ItemisedShare[] {
  const vendors = graph.nodes.filter((n) => n.kind === "vendor");
  return vendors.flatMap((v) => {
    const out = graph.links.filter((l) => l.source === v.id);
    const rest = out.filter((l) => l.residual).reduce((s, l) => s + l.value, 0);
    const itemised = out.filter((l) => !l.residual).reduce((s, l) => s + l.value, 0);
    if (rest <= 0 || itemised <= 0) return [];
    return [{ vendor: v.id, label: v.label, itemised, total: itemised + rest, share: itemised / (itemised + rest) }];
  });
}
