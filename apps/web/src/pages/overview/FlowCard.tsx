import { useQuery } from "@tanstack/react-query";
import { flowsQueryOptions } from "../../api/flows.js";
import { formatValue } from "../../charts/format.js";
import { SankeyChart } from "../../charts/sankey/SankeyChart.js";
import { toFlowGraph, type FlowLinkDatum } from "../../charts/sankey/state.js";
import { EmptyView } from "../../components/EmptyView.js";
import { ChartCard } from "../../components/ChartCard.js";
import { toChartLinks } from "../../downloads/chart-links.js";
import { DataTable } from "../../components/DataTable.js";
import { toFlowsQuery } from "../../view/queries.js";
import type { ViewState } from "../../view/view-state.js";
import { toExcludedText, toggleTable, toPeriodText } from "./period-text.js";
import { ChartError } from "../../components/ChartError.js";

/** The Sankey of the view: vendor → product → destination over the chosen period. */
export function FlowCard({ view, onChange }: { view: ViewState; onChange: (next: ViewState) => void }) {
  const query = toFlowsQuery(view);
  const flows = useQuery(flowsQueryOptions(query));
  const graph = flows.data ? toFlowGraph(flows.data) : { nodes: [], links: [] };
  const metric = flows.data?.metric;
  const title = `${metric?.label ?? "Flows"}: vendor → product → destination`;
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const additive = metric ? metric.aggregation === "sum" : true;
  return (
    <ChartCard
      id="flows"
      title={title}
      subtitle={`${toPeriodText(view)}${toExcludedText(flows.data?.excludedFacts)}. The palest flows are the part of a vendor's total not itemised by product.`}
      units={`${metric?.label ?? ""} (${metric?.unit ?? ""}), ${toPeriodText(view)}`}
      status={flows.status}
      updating={flows.isPlaceholderData}
      error={flows.error}
      errorView={<ChartError error={flows.error} view={view} onChange={onChange} />}
      empty={graph.links.length === 0}
      emptyView={
        <EmptyView
          view={view}
          onChange={onChange}
          hint={additive ? undefined : "Flows need a metric that adds up (units, revenue, orders)."}
        />
      }
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
