import { useQuery } from "@tanstack/react-query";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world110m from "world-atlas/countries-110m.json";
import { breakdownQueryOptions } from "../../api/breakdown.js";
import { formatValue } from "../../charts/format.js";
import { toCountryValues, type CountryValue } from "../../charts/world-map/state.js";
import { WorldMap } from "../../charts/world-map/WorldMap.js";
import { EmptyView } from "../../components/EmptyView.js";
import { ChartCard } from "../../components/ChartCard.js";
import { toChartLinks } from "../../downloads/chart-links.js";
import { DataTable } from "../../components/DataTable.js";
import { toFilterParams, type ViewState } from "../../view/view-state.js";
import { toExcludedText, toggleTable, toPeriodText } from "./period-text.js";
import { ChartError } from "../../components/ChartError.js";

const topology = world110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const world = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
const mapHeight = (width: number) => Math.min(440, Math.round(width * 0.48));

/** The world map of the view: destinations shaded by the metric over the chosen period. Loaded on demand. */
export default function MapCard({ view, onChange }: { view: ViewState; onChange: (next: ViewState) => void }) {
  const query = { metric: view.metric, groupBy: "destination" as const, top: 200, ...toFilterParams(view) };
  const breakdown = useQuery(breakdownQueryOptions(query));
  const values = breakdown.data ? toCountryValues(breakdown.data) : new Map<string, CountryValue>();
  const metric = breakdown.data?.metric;
  const title = `${metric?.label ?? "Figures"} by destination country`;
  const rows = [...values.values()].sort((a, b) => b.value - a.value);
  return (
    <ChartCard
      id="map"
      title={title}
      subtitle={`${toPeriodText(view)}${toExcludedText(breakdown.data?.excludedFacts)}. Regions and unstated destinations are not on the map.`}
      units={`${metric?.label ?? ""} (${metric?.unit ?? ""}), ${toPeriodText(view)}`}
      status={breakdown.status}
      updating={breakdown.isPlaceholderData}
      error={breakdown.error}
      errorView={<ChartError error={breakdown.error} view={view} onChange={onChange} />}
      empty={values.size === 0}
      emptyView={
        <EmptyView view={view} onChange={onChange} hint={"No figure of this view names a destination country."} />
      }
      sources={breakdown.data?.sources ?? []}
      links={toChartLinks({
        location: window.location,
        chart: "map",
        view,
        resource: "breakdown",
        query,
      })}
      heightAt={(w) => mapHeight(w) + 28}
      showTable={view.tables.includes("map")}
      onToggleTable={() => onChange(toggleTable(view, "map"))}
      chart={(width, onSelect) => (
        <WorldMap
          world={world}
          values={values}
          unit={metric!.unit}
          title={title}
          bounds={{ width, height: mapHeight(width) }}
          onSelect={onSelect}
        />
      )}
      table={() => (
        <DataTable<CountryValue>
          caption={title}
          rows={rows}
          columns={[
            { label: "Country", value: (c) => c.label },
            { label: "Value", value: (c) => formatValue(c.value, metric!.unit), numeric: true },
            { label: "Kind", value: (c) => c.estimateKind },
            { label: "Sources", value: (c) => c.sourceIds.join(", ") },
          ]}
        />
      )}
    />
  );
}
