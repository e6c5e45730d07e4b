import { GROUP_BYS, type GroupBy } from "@chipflow/core";
import { useQuery } from "@tanstack/react-query";
import { breakdownQueryOptions } from "../../api/breakdown.js";
import { formatValue } from "../../charts/format.js";
import { RankingBars } from "../../charts/ranking/RankingBars.js";
import { toRankedBars, type RankedBar } from "../../charts/ranking/state.js";
import { EmptyView } from "../../components/EmptyView.js";
import { ChartCard } from "../../components/ChartCard.js";
import { toChartLinks } from "../../downloads/chart-links.js";
import { DataTable } from "../../components/DataTable.js";
import { toBreakdownQuery } from "../../view/queries.js";
import type { ViewState } from "../../view/view-state.js";
import { toExcludedText, toggleTable, toPeriodText } from "./period-text.js";
import { ChartError } from "../../components/ChartError.js";

const rankingBounds = (width: number) => ({ width, labelWidth: width < 520 ? 110 : 180, rowHeight: 28 });

/** Ranking bars of the view: one dimension ranked over the chosen period. */
export function RankingCard({ view, onChange }: { view: ViewState; onChange: (next: ViewState) => void }) {
  const query = toBreakdownQuery(view);
  const breakdown = useQuery(breakdownQueryOptions(query));
  const bars = breakdown.data ? toRankedBars(breakdown.data) : [];
  const metric = breakdown.data?.metric;
  const title = `${metric?.label ?? "Ranking"} by ${view.rankBy}`;
  return (
    <ChartCard
      id="ranking"
      title={title}
      subtitle={`Largest first, ${toPeriodText(view)}${toExcludedText(breakdown.data?.excludedFacts)}. Whiskers run from low to high.`}
      units={`${metric?.label ?? ""} (${metric?.unit ?? ""}), ${toPeriodText(view)}`}
      status={breakdown.status}
      updating={breakdown.isPlaceholderData}
      error={breakdown.error}
      errorView={<ChartError error={breakdown.error} view={view} onChange={onChange} />}
      empty={bars.length === 0}
      emptyView={<EmptyView view={view} onChange={onChange} />}
      sources={breakdown.data?.sources ?? []}
      links={toChartLinks({
        location: window.location,
        chart: "ranking",
        view,
        resource: "breakdown",
        query: query as Record<string, string>,
      })}
      heightAt={() => Math.max(120, bars.length * 28 + 20) || 300}
      showTable={view.tables.includes("ranking")}
      onToggleTable={() => onChange(toggleTable(view, "ranking"))}
      controls={
        <label className="inline-select">
          Rank
          <select
            name="rankBy"
            value={view.rankBy}
            onChange={(e) => onChange({ ...view, rankBy: e.target.value as GroupBy })}
          >
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      }
      chart={(width, onSelect) => (
        <RankingBars bars={bars} unit={metric!.unit} title={title} bounds={rankingBounds(width)} onSelect={onSelect} />
      )}
      table={() => (
        <DataTable<RankedBar>
          caption={title}
          rows={bars}
          columns={[
            { label: "Group", value: (b) => b.label },
            { label: "Value", value: (b) => formatValue(b.value, metric!.unit), numeric: true },
            {
              label: "Share",
              value: (b) => (b.share === null ? "–" : `${Math.round(b.share * 1000) / 10}%`),
              numeric: true,
            },
            { label: "Low", value: (b) => formatValue(b.low, metric!.unit), numeric: true },
            { label: "High", value: (b) => formatValue(b.high, metric!.unit), numeric: true },
            { label: "Kind", value: (b) => b.estimateKind },
            { label: "Sources", value: (b) => b.sourceIds.join(", ") },
          ]}
        />
      )}
    />
  );
}
