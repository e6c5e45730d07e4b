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
