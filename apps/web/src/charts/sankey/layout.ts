import { sankey, sankeyLeft, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from "d3-sankey";
import { colorAt } from "../palette.js";
import type { FlowGraph, FlowLinkDatum, FlowNodeDatum } from "./state.js";

export interface SankeyBounds {
  width: number;
  height: number;
}

export interface PlacedNode extends FlowNodeDatum {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  value: number;
  color: string;
  /** Labels sit right of the node, except in the last column where they sit left. */
  labelAnchor: "start" | "end";
}

export interface PlacedLink extends FlowLinkDatum {
  path: string;
  width: number;
  color: string;
  sourceLabel: string;
  targetLabel: string;
}

export interface SankeyLayout {
  nodes: PlacedNode[];
  links: PlacedLink[];
}

const round = (n: number) => Math.round(n * 10) / 10;
type N = SankeyNode<FlowNodeDatum, FlowLinkDatum>;
type L = SankeyLink<FlowNodeDatum, FlowLinkDatum>;

/**
 * Places the graph with d3-sankey: vendors left, products (and a vendor's unitemised rest) in the middle,
 * destinations right; each flow takes the colour of the vendor it comes from.
 */
export function layoutSankey(graph: FlowGraph, bounds: SankeyBounds): SankeyLayout {
  const generator = sankey<FlowNodeDatum, FlowLinkDatum>()
    .nodeId((n) => n.id)
    .nodeAlign(sankeyLeft)
    .nodeWidth(12)
    .nodePadding(Math.max(6, Math.min(14, bounds.height / 30)))
    .nodeSort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .extent([
      [1, 4],
      [bounds.width - 1, bounds.height - 4],
    ]);
  const { nodes, links } = generator({
    nodes: graph.nodes.map((n) => ({ ...n })),
    links: graph.links.map((l) => ({ ...l })),
  });
  const vendors = nodes.filter((n) => n.kind === "vendor").map((n) => n.id);
  const colorOf = (n: N): string => {
    if (n.kind === "vendor") return colorAt(vendors.indexOf(n.id));
    const incoming = (n.targetLinks ?? []) as L[];
    const from = incoming.sort((a, b) => b.value - a.value)[0]?.source as N | undefined;
    return from ? colorOf(from) : "#888888";
  };
  const maxDepth = Math.max(...nodes.map((n) => n.depth ?? 0));
  const toPath = sankeyLinkHorizontal<FlowNodeDatum, FlowLinkDatum>();
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      x0: round(n.x0!),
      x1: round(n.x1!),
      y0: round(n.y0!),
      y1: round(n.y1!),
      value: n.value ?? 0,
      color: colorOf(n),
      labelAnchor: (n.depth ?? 0) === maxDepth && maxDepth > 0 ? "end" : "start",
    })),
    links: links.map((l) => {
      const source = l.source as N;
      const target = l.target as N;
      return {
        source: source.id,
        target: target.id,
        value: l.value,
        low: l.low,
        high: l.high,
        estimateKind: l.estimateKind,
        sourceIds: l.sourceIds,
        alternatives: l.alternatives,
        residual: l.residual,
        path: (toPath(l) ?? "").replace(/\d+\.\d+/g, (d) => String(round(Number(d)))),
        width: round(Math.max(1, l.width ?? 1)),
        color: colorOf(source),
        sourceLabel: source.label,
        targetLabel: target.label,
      };
    }),
  };
}
