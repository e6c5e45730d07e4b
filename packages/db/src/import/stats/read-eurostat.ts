import { findCountryByIso2 } from "@chipflow/core";
import { ImportFormatError } from "../detect-format.js";
import type { FactSourceRecord } from "../import-facts.js";
import { toStatFact, type StatSourceOptions } from "./stat-fact.js";

export const EUROSTAT_URL = "https://ec.europa.eu/eurostat/web/international-trade-in-goods/database";
export const SKIP_QUANTITIES = "quantities (only trade values are read)";
export const SKIP_AGGREGATES = "reporters or partners that name no country (EU aggregates, secret or unknown areas)";

/** Eurostat's geo codes where they differ from ISO 3166-1 alpha-2. */
const EUROSTAT_GEO: Record<string, string> = { EL: "GRC", UK: "GBR" };

/** The ISO3 code of a Eurostat geo code, or undefined for an aggregate or an area that names no country. */
const countryOf = (code: string) => EUROSTAT_GEO[code] ?? findCountryByIso2(code)?.iso3;

const DIMENSIONS = ["reporter", "partner", "product", "flow", "indicators", "time"] as const;
const FLOWS: Record<string, "import" | "export"> = { "1": "import", "2": "export" };

interface JsonStatDimension {
  label?: string;
  category?: { index?: Record<string, number> | string[] };
}

interface JsonStat {
  class?: string;
  label?: string;
  updated?: string;
  id?: string[];
  size?: number[];
  value?: (number | null)[] | Record<string, number | null>;
  dimension?: Record<string, JsonStatDimension>;
  extension?: { id?: string };
}

/** A dimension's category codes in index order. */
function codesOf(dimension: JsonStatDimension, size: number): string[] | null {
  const index = dimension.category?.index;
  if (Array.isArray(index)) return index.length === size ? index : null;
  if (!index) return null;
  const codes: string[] = [];
  for (const [code, i] of Object.entries(index)) codes[i] = code;
  return codes.length === size && codes.every((c) => c !== undefined) ? codes : null;
}

/**
 * The facts of an answer of Eurostat's Comext dissemination API in JSON-stat 2.0 (dataset DS-045409, "EU trade
 * since 1988 by HS2-4-6 and CN8"): one trade value in euros (`revenue_eur`, never converted) per reporter, partner,
 * product, flow and month or year. A cell's position in the answer's value list is its "line". Quantities and EU
 * aggregates are left out and counted in `skipped`; a missing value is no fact.
 */
export function readEurostat(
  file: string,
  doc: JsonStat,
  options: StatSourceOptions,
  skipped: Record<string, number>,
): FactSourceRecord[] {
  const ids = doc.id ?? [];
  const missing = DIMENSIONS.filter((d) => !ids.includes(d) || !doc.dimension?.[d]);
  if (doc.class !== "dataset" || !doc.size || !doc.value || missing.length)
    throw new ImportFormatError(
      `${file}: expected a Eurostat Comext answer in JSON-stat 2.0 (class "dataset" with dimensions ${DIMENSIONS.join(", ")})` +
        (missing.length ? `; missing: ${missing.join(", ")}` : ""),
    );
  const codes = ids.map((id, k) => codesOf(doc.dimension![id]!, doc.size![k]!));
  const broken = ids.filter((_, k) => !codes[k]);
  if (broken.length)
    throw new ImportFormatError(`${file}: the categories of ${broken.join(", ")} do not match the answer's size`);
  const table = `Comext ${doc.extension?.id ?? "dataset"}`;
  const updated = doc.updated?.slice(0, 10) ?? "";
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);

  const entries: [number, number | null][] = Array.isArray(doc.value)
    ? doc.value.map((v, i) => [i, v])
    : Object.entries(doc.value).map(([i, v]) => [Number(i), v]);
  const out: FactSourceRecord[] = [];
  for (const [flat, value] of entries) {
    if (value === null || value === undefined) continue;
    // Row-major: the last dimension varies fastest.
    const cell: Record<string, string> = {};
    let rest = flat;
    for (let k = ids.length - 1; k >= 0; k--) {
      const size = doc.size[k]!;
      cell[ids[k]!] = codes[k]![rest % size]!;
      rest = Math.floor(rest / size);
    }
    const position = flat + 1;
    if (cell.indicators !== "VALUE_IN_EUROS") {
      skip(SKIP_QUANTITIES);
      continue;
    }
    const flow = FLOWS[cell.flow!];
    if (!flow) {
      out.push({
        line: position,
        errors: [{ column: "flow", value: cell.flow!, message: "expected 1 (import) or 2 (export)" }],
      });
      continue;
    }
    const reporter = countryOf(cell.reporter!);
    const partner = countryOf(cell.partner!);
    if (!reporter || !partner) {
      skip(SKIP_AGGREGATES);
      continue;
    }
    if (!Number.isFinite(value)) {
      out.push({
        line: position,
        errors: [{ column: "value", value: String(value), message: "expected a value in euros" }],
      });
      continue;
    }
    out.push(
      toStatFact(
        {
          position,
          reporter,
          partner,
          flow,
          hsCode: cell.product!,
          period: cell.time!,
          metric: "revenue_eur",
          value: String(value),
          publisher: "Eurostat",
          table,
          updated,
          defaultUrl: EUROSTAT_URL,
          defaultLocator: `reporter ${cell.reporter}, partner ${cell.partner}, product ${cell.product}, flow ${cell.flow}, ${cell.indicators}, ${cell.time}`,
          note: `HS ${cell.product}; trade value in euros as Eurostat publishes it (${doc.label ?? table})`,
        },
        options,
      ),
    );
  }
  return out;
}
