import { format } from "d3-format";

const si = format(".3~s");

/** Numbers as people read them: $12.0B, 1.0M units, 13%, an index of 112.5. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return "–";
  if (unit === "%") return `${format(".3~")(value)}%`;
  // An index is a bare number against its base of 100: 112.5, 1,240.
  if (unit === "index") return format(",.1~f")(value);
  const abs = Math.abs(value);
  const short =
    abs >= 1e12
      ? `${(value / 1e12).toFixed(1)}T`
      : abs >= 1e9
        ? `${(value / 1e9).toFixed(1)}B`
        : abs >= 1e6
          ? `${(value / 1e6).toFixed(1)}M`
          : abs >= 1e3
            ? `${(value / 1e3).toFixed(1)}K`
            : si(value);
  if (unit === "USD" || unit === "USD/unit") return `$${short}`;
  if (unit === "EUR") return `€${short}`;
  return unit === "units" ? `${short} units` : `${short} ${unit}`;
}

/** An axis tick: as `formatValue` but without the unit word ("500K", "$12B"), which the chart's subtitle gives. */
export function formatTick(value: number, unit: string): string {
  const text = formatValue(value, unit).replace(/\.0(?=[KMBT])/, "");
  return unit === "USD" || unit === "EUR" || unit === "USD/unit" || unit === "%" ? text : text.replace(/ .*$/, "");
}

/** A keyword as a label: `integrated_circuits` reads "Integrated circuits". */
export function formatKeyword(keyword: string): string {
  return (keyword.charAt(0).toUpperCase() + keyword.slice(1)).replaceAll("_", " ");
}
