import { useQuery } from "@tanstack/react-query";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world110m from "world-atlas/countries-110m.json";
import { breakdownQueryOptions } from "../../api/breakdown.js";
import { canFlow, flowsQueryOptions } from "../../api/flows.js";
import { seriesQueryOptions } from "../../api/series.js";
import { formatValue } from "../../charts/format.js";
import {
  findLargestPartner,
  toCountryValues,
  toMapArcs,
  type ArcDatum,
  type CountryValue,
} from "../../charts/world-map/state.js";
import { legendHeight, WorldMap } from "../../charts/world-map/WorldMap.js";
import { EmptyView } from "../../components/EmptyView.js";
import { ChartCard } from "../../components/ChartCard.js";
import { toChartLinks } from "../../downloads/chart-links.js";
import { DataTable } from "../../components/DataTable.js";
import { toBilateralHref } from "../../view/bilateral.js";
import { toMapFilterParams, toMapFlowsQuery, toMapYearsQuery } from "../../view/map-queries.js";
import type { ViewState } from "../../view/view-state.js";
import { toExcludedText, toggleTable, toPeriodText } from "./period-text.js";
import { ChartError } from "../../components/ChartError.js";
import { NotAdditive } from "../../components/NotAdditive.js";
import { MapControls } from "./MapControls.js";
import { toYearsWithFigures } from "./years-with-figures.js";

const topology = world110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const world = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
const mapHeight = (width: number) => Math.min(440, Math.round(width * 0.48));
/** Arcs drawn at most: more would hide the map; the rest are counted under it. */
const TOP_ARCS = 12;

/**
 * The flow map of the view: destinations shaded by the metric, the largest origin → destination flows drawn as
 * arcs, for the map's product category and year. Loaded on demand.
 */
export default function MapCard({
  view,
  onChange,
}: {
  view: ViewState;
  onChange: (next: ViewState, options?: { replace?: boolean }) => void;
}) {
  const filters = toMapFilterParams(view);
  const query = { metric: view.metric, groupBy: "destination" as const, top: 200, ...filters };
  // A share or a price is not shaded on the map: one country's cell would pick one vendor's figure among several.
  const additive = canFlow(view.metric);
  const breakdown = useQuery({ ...breakdownQueryOptions(query), enabled: additive });
  const flows = useQuery(flowsQueryOptions(toMapFlowsQuery(view)));
  const yearsQuery = useQuery({ ...seriesQueryOptions(toMapYearsQuery(view)), enabled: additive });
  const years = yearsQuery.data ? toYearsWithFigures(yearsQuery.data) : [];
  const values = breakdown.data ? toCountryValues(breakdown.data) : new Map<string, CountryValue>();
  const arcs = flows.data
    ? toMapArcs(flows.data, TOP_ARCS)
    : { arcs: [], all: [], hidden: 0, hiddenValue: 0, withinCountry: 0 };
  const metric = breakdown.data?.metric;
  const period = view.mapYear !== undefined ? `in ${view.mapYear}` : toPeriodText(view);
  const title = `${metric?.label ?? "Figures"}: flows and destinations`;
  const rows = [...values.values()].sort((a, b) => b.value - a.value);
  const category = filters.category && !filters.category.includes(",") ? filters.category : undefined;
  const product = view.filters.product.length === 1 ? view.filters.product[0] : undefined;
  // A bilateral view follows its pair over every year the timeline has.
  const hrefOf = (origin: string, destination: string) =>
    toBilateralHref({
      origin,
      destination,
      metric: view.metric,
      product,
      category,
      from: years.length ? `${years[0]}-01-01` : view.from,
      to: years.length ? `${years.at(-1)}-12-31` : view.to,
    });
  const countryHref = (iso3: string) => {
    const partner = findLargestPartner(arcs.all, iso3);
    return partner ? hrefOf(partner.origin, partner.destination) : undefined;
  };
  const status = !additive
    ? "success"
    : breakdown.status === "success" && flows.status === "error"
      ? "error"
      : breakdown.status;
  const fmt = (v: number) => formatValue(v, metric?.unit ?? "");
  return (
    <ChartCard
      id="map"
      title={title}
      subtitle={
        `${period}${toExcludedText(breakdown.data?.excludedFacts)}. Countries are shaded by what they receive; ` +
        "arcs run from origin to destination, wider for larger flows. Choose an arc or a country to follow the pair " +
        "over the years. Regions and unstated countries are not on the map."
      }
      units={`${metric?.label ?? ""} (${metric?.unit ?? ""}), ${period}`}
      status={status}
      updating={breakdown.isPlaceholderData || flows.isPlaceholderData}
      error={breakdown.error ?? flows.error}
      errorView={<ChartError error={breakdown.error ?? flows.error} view={view} onChange={onChange} />}
      empty={!additive || (values.size === 0 && arcs.arcs.length === 0)}
      emptyView={
        additive ? (
          <EmptyView view={view} onChange={onChange} hint={"No figure of this view names a destination country."} />
        ) : (
          <NotAdditive metric={view.metric} />
        )
      }
      banner={<MapControls view={view} years={years} onChange={onChange} />}
      sources={[...(breakdown.data?.sources ?? []), ...(flows.data?.sources ?? [])].filter(
        (s, i, all) => all.findIndex((o) => o.id === s.id) === i,
      )}
      links={toChartLinks({
        location: window.location,
        chart: "map",
        view,
        resource: "flows",
        query: toMapFlowsQuery(view) as Record<string, string>,
      })}
      heightAt={(w) => mapHeight(w) + legendHeight(arcs.arcs.length > 0)}
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
          arcs={arcs.arcs}
          arcHref={(a) => hrefOf(a.origin, a.destination)}
          countryHref={countryHref}
        />
      )}
      legend={
        <p className="map-note" role="note">
          {arcs.arcs.length === 0
            ? "No flow of this view names both its origin and its destination: only destinations are shaded."
            : `The ${arcs.arcs.length} largest of ${arcs.all.length} flows are drawn` +
              (arcs.hidden > 0
                ? `; ${arcs.hidden} smaller ones (${fmt(arcs.hiddenValue)} in all) are in the table`
                : "") +
              "."}
          {arcs.withinCountry > 0
            ? ` ${arcs.withinCountry} flow${arcs.withinCountry > 1 ? "s" : ""} within one country (re-imports) ha${arcs.withinCountry > 1 ? "ve" : "s"} no arc.`
            : ""}
          {(flows.data?.map.unplaced ?? 0) > 0
            ? ` ${flows.data!.map.unplaced} figure(s) without an origin or destination are not drawn.`
            : ""}
        </p>
      }
      table={() => (
        <>
          <DataTable<ArcDatum>
            caption={`${title}: flows`}
            rows={arcs.all}
            columns={[
              { label: "From", value: (a) => a.originLabel },
              { label: "To", value: (a) => a.destinationLabel },
              { label: "Value", value: (a) => fmt(a.value), numeric: true },
              { label: "Kind", value: (a) => a.estimateKind },
              { label: "Other reports", value: (a) => String(a.alternatives) },
              { label: "Sources", value: (a) => a.sourceIds.join(", ") },
            ]}
          />
          <DataTable<CountryValue>
            caption={`${title}: destinations`}
            rows={rows}
            columns={[
              { label: "Country", value: (c) => c.label },
              { label: "Value", value: (c) => fmt(c.value), numeric: true },
              { label: "Kind", value: (c) => c.estimateKind },
              { label: "Sources", value: (c) => c.sourceIds.join(", ") },
            ]}
          />
        </>
      )}
    />
  );
}
