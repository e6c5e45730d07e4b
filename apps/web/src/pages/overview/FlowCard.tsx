import { useQuery } from "@tanstack/react-query";
import { canFlow, flowsQueryOptions } from "../../api/flows.js";
import { formatValue } from "../../charts/format.js";
import { SankeyChart } from "../../charts/sankey/SankeyChart.js";
import { toFlowGraph, toItemisedShares, type FlowGraph, type FlowLinkDatum } from "../../charts/sankey/state.js";
import { EmptyView } from "../../components/EmptyView.js";
import { ChartCard } from "../../components/ChartCard.js";
import { toChartLinks } from "../../downloads/chart-links.js";
import { DataTable } from "../../components/DataTable.js";
import { ITEMISED_FLOWS, toFlowsQuery } from "../../view/queries.js";
import type { ViewState } from "../../view/view-state.js";
import { toExcludedText, toggleTable, toPeriodText } from "./period-text.js";
import { ChartError } from "../../components/ChartError.js";
import { NotAdditive } from "../../components/NotAdditive.js";

/** What the itemised products cover: "H20 cover 48% of NVIDIA's $25.0B; the rest is not itemised by product." */
export function toCoverageText(graph: FlowGraph, unit: string): string {
  return toItemisedShares(graph)
    .map((s) => {
      const products = graph.links
        .filter((l) => l.source === s.vendor && !l.residual)
        .map((l) => graph.nodes.find((n) => n.id === l.target)?.label ?? l.target);
      return (
        `${products.join(", ")} ${products.length > 1 ? "cover" : "covers"} ${Math.round(s.share * 100)}% of ` +
        `${s.label}'s ${formatValue(s.total, unit)}; the other ${formatValue(s.total - s.itemised, unit)} is not ` +
        "itemised by product"
      );
    })
    .join(". ");
}

/** The Sankey of the view: vendor → product → destination over the chosen period, or the itemised example. */
export function FlowCard({ view, onChange }: { view: ViewState; onChange: (next: ViewState) => void }) {
  const query = toFlowsQuery(view);
  const flows = useQuery(flowsQueryOptions(query));
  const graph = flows.data ? toFlowGraph(flows.data) : { nodes: [], links: [] };
  const metric = flows.data?.metric;
  const title = view.itemisedFlows
    ? `${metric?.label ?? "Flows"}: ${ITEMISED_FLOWS.label}, by product`
    : `${metric?.label ?? "Flows"}: vendor → product → destination`;
  const coverage = metric ? toCoverageText(graph, metric.unit) : "";
  const period = view.itemisedFlows ? "February 2024 to January 2025" : toPeriodText(view);
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const additive = canFlow(query.metric);
  return (
    <ChartCard
      id="flows"
      title={title}
      subtitle={
        `${period}${toExcludedText(flows.data?.excludedFacts)}. ` +
        (coverage ? `${coverage}. ` : "") +
        "The palest flows are the part of a vendor's total not itemised by product."
      }
      units={`${metric?.label ?? ""} (${metric?.unit ?? ""}), ${period}`}
      controls={
        <button
          type="button"
          className="itemised-toggle"
          aria-pressed={view.itemisedFlows}
          onClick={() => onChange({ ...view, itemisedFlows: !view.itemisedFlows })}
        >
          {view.itemisedFlows ? "Flows of this view" : "Itemised example"}
        </button>
      }
      status={additive ? flows.status : "success"}
      updating={flows.isPlaceholderData}
      error={flows.error}
      errorView={<ChartError error={flows.error} view={view} onChange={onChange} />}
      empty={!additive || graph.links.length === 0}
      emptyView={additive ? <EmptyView view={view} onChange={onChange} /> : <NotAdditive metric={view.metric} />}
      sources={flows.data?.sources ?? []}
      links={toChartLinks({
        location: window.location,
        chart: "flows",
        view,
        resource: "flows",
        query: query as Record<string, string>,
      })}
      heightAt={(w) => (w < 520 ? 420 : 380)}
      showTable={view.tables.includes("flows")}
      onToggleTable={() => onChange(toggleTable(view, "flows"))}
      chart={(width, onSelect) => (
        <SankeyChart
          graph={graph}
          unit={metric!.unit}
          title={title}
          bounds={{ width, height: width < 520 ? 420 : 380 }}
          onSelect={onSelect}
        />
      )}
      table={() => (
        <DataTable<FlowLinkDatum>
          caption={title}
          rows={graph.links}
          columns={[
            { label: "From", value: (l) => labels.get(l.source) ?? l.source },
            { label: "To", value: (l) => labels.get(l.target) ?? l.target },
            { label: "Value", value: (l) => formatValue(l.value, metric!.unit), numeric: true },
            { label: "Low", value: (l) => formatValue(l.low, metric!.unit), numeric: true },
            { label: "High", value: (l) => formatValue(l.high, metric!.unit), numeric: true },
            { label: "Kind", value: (l) => l.estimateKind },
            { label: "Sources", value: (l) => l.sourceIds.join(", ") },
          ]}
        />
      )}
    />
  );
}
