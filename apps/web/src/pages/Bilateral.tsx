import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { dimensionsQueryOptions } from "../api/dimensions.js";
import { seriesQueryOptions } from "../api/series.js";
import { formatValue } from "../charts/format.js";
import { skipsPeriods, toLineSeries, type LinePoint, type LineSeries } from "../charts/time-series/state.js";
import { TimeSeriesChart } from "../charts/time-series/TimeSeriesChart.js";
import { ChartCard } from "../components/ChartCard.js";
import { toChartLinks } from "../downloads/chart-links.js";
import { DataTable } from "../components/DataTable.js";
import { KindLegend } from "../components/KindLegend.js";
import { basisOf } from "../view/bases.js";
import {
  toBilateralSeriesQuery,
  toBilateralView,
  toBilateralTitle,
  toMissingYears,
  toProductText,
  type Bilateral,
} from "../view/bilateral.js";
import { chartBounds, labelsLineEnds } from "./overview/chart-bounds.js";

/**
 * One origin → destination pair over the years. Where both countries report the trade (the exporter's and the
 * importer's figures, "mirror flows"), the API gives one as the value and the other as an alternative: the chart
 * draws the other as a diamond and the table lists it, never added.
 */
export function BilateralPage({ pair }: { pair: Bilateral | undefined }) {
  if (!pair)
    return (
      <main>
        <section className="card" role="alert">
          <h2>No pair to show</h2>
          <p>
            A bilateral view needs an origin and a destination country (ISO3 codes), for example{" "}
            <a href="/bilateral?origin=NLD&destination=CHN&product=hs-8486&from=2015-01-01&to=2025-12-31">
              Netherlands → China, HS 8486, 2015–2025
            </a>
            .
          </p>
        </section>
      </main>
    );
  return <BilateralCard pair={pair} />;
}

function BilateralCard({ pair }: { pair: Bilateral }) {
  const dimensions = useQuery(dimensionsQueryOptions());
  const productName = dimensions.data?.products.find((p) => p.id === pair.product)?.name;
  const title = toBilateralTitle(pair, productName);
  const query = toBilateralSeriesQuery(pair);
  const series = useQuery(seriesQueryOptions(query));
  const [table, setTable] = useState(false);
  const metric = series.data?.metric;
  const lines = series.data ? toLineSeries(series.data, false, basisOf) : [];
  const covered = new Set(
    lines.flatMap((l) => l.points.filter((p) => !p.coarser).map((p) => p.start.getUTCFullYear())),
  );
  const missing = toMissingYears(pair, covered);
  const mirrored = lines.reduce((n, l) => n + l.points.filter((p) => p.alternatives.length > 0).length, 0);
  const sourceTitle = new Map((series.data?.sources ?? []).map((s) => [s.id, `${s.publisher}: ${s.title}`]));
  const rows = lines.flatMap((s) => s.points.map((p) => ({ s, p })));
  const what = `${toProductText(pair, productName)} from ${pair.origin} to ${pair.destination}`;
  return (
    <main>
      <p className="back-link">
        <a href="/">← Back to the dashboard</a>
      </p>
      <ChartCard
        id="bilateral"
        title={title}
        subtitle={
          `${metric?.label ?? ""} per year, one line per product code as reported. ` +
          (mirrored > 0
            ? `Where both countries report the trade (${mirrored} figure${mirrored > 1 ? "s" : ""}), the other side's ` +
              "report is drawn as a diamond and listed in the table, never added."
            : "Only one side reports each figure shown.")
        }
        units={`${metric?.label ?? ""} (${metric?.unit ?? ""}) per year`}
        status={series.status}
        updating={series.isPlaceholderData}
        error={series.error}
        empty={lines.length === 0}
        emptyView={
          <p className="bilateral-missing">
            No dataset reports {what} {pair.from || pair.to ? "in this period" : "yet"}. The coverage tables of the data
            list the gaps still to fill.
          </p>
        }
        banner={
          lines.length > 0 && missing.length > 0 ? (
            <p className="bilateral-missing" role="note">
              No figure for {missing.join(", ")}: no dataset reports {what} for{" "}
              {missing.length === 1 && !missing[0]!.includes("–") ? "that year" : "those years"}.
            </p>
          ) : null
        }
        sources={series.data?.sources ?? []}
        links={toChartLinks({
          location: window.location,
          chart: "series",
          view: toBilateralView(pair),
          resource: "series",
          query: query as Record<string, string>,
        })}
        heightAt={(w) => chartBounds(w).height}
        showTable={table}
        onToggleTable={() => setTable(!table)}
        chart={(width, onSelect) => (
          <TimeSeriesChart
            lines={lines}
            unit={metric!.unit}
            title={title}
            bounds={chartBounds(width)}
            endLabels={labelsLineEnds(width)}
            onSelect={onSelect}
          />
        )}
        legend={<KindLegend gaps={lines.some(skipsPeriods)} />}
        table={() => (
          <DataTable<{ s: LineSeries; p: LinePoint }>
            caption={title}
            rows={rows}
            columns={[
              { label: "Product", value: (r) => r.s.label },
              { label: "Year", value: (r) => r.p.label },
              { label: "Value", value: (r) => formatValue(r.p.value, metric!.unit), numeric: true },
              { label: "Kind", value: (r) => r.p.estimateKind },
              { label: "Reported in", value: (r) => r.p.sourceIds.map((id) => sourceTitle.get(id) ?? id).join("; ") },
              {
                label: "Other reports (never added)",
                value: (r) =>
                  r.p.alternatives
                    .map((a) => `${formatValue(a.value, metric!.unit)} (${sourceTitle.get(a.sourceId) ?? a.sourceId})`)
                    .join("; "),
              },
            ]}
          />
        )}
      />
    </main>
  );
}
