import { ImportFormatError } from "../detect-format.js";
import type { FactSourceRecord } from "../import-facts.js";
import { toStatFact, type StatSourceOptions } from "./stat-fact.js";

export const CENSUS_URL = "https://www.census.gov/foreign-trade/data/";

/**
 * The Census Bureau's country codes (Schedule C) of the answers read so far. Only codes whose country the query
 * named are listed (5700: China); any other is reported as unknown rather than guessed.
 */
const CENSUS_COUNTRIES: Record<string, string> = { "5700": "CHN" };

/** The value and commodity columns of the exports and imports endpoints (`intltrade/exports/hs`, `…/imports/hs`). */
const ENDPOINTS = [
  { flow: "export", value: "ALL_VAL_MO", commodity: "E_COMMODITY" },
  { flow: "import", value: "GEN_VAL_MO", commodity: "I_COMMODITY" },
] as const;

/**
 * The facts of an answer of the U.S. Census Bureau's international trade API by HS code (`timeseries/intltrade/
 * exports/hs` or `…/imports/hs`, JSON: a header row, then one row per month): the United States' monthly trade
 * value in dollars with one country. Row n of the answer (its header being row 1) is its "line".
 */
export function readCensus(file: string, doc: unknown, options: StatSourceOptions): FactSourceRecord[] {
  const rows = Array.isArray(doc) ? (doc as unknown[][]) : [];
  const header = (Array.isArray(rows[0]) ? rows[0] : []).map(String);
  const endpoint = ENDPOINTS.find((e) => header.includes(e.value) && header.includes(e.commodity));
  const col = (name: string) => header.indexOf(name);
  if (!endpoint || col("CTY_CODE") < 0 || col("time") < 0)
    throw new ImportFormatError(
      `${file}: expected a Census international trade answer (JSON rows) with the columns ALL_VAL_MO and E_COMMODITY (exports) or GEN_VAL_MO and I_COMMODITY (imports), CTY_CODE and time`,
    );
  return rows.slice(1).map((r, i): FactSourceRecord => {
    const line = i + 2;
    const cell = (name: string) => {
      const v: unknown = Array.isArray(r) ? r[col(name)] : undefined;
      return typeof v === "string" || typeof v === "number" ? String(v) : "";
    };
    const errors: { column: string; value: string; message: string }[] = [];
    const partner = CENSUS_COUNTRIES[cell("CTY_CODE")];
    if (!partner)
      errors.push({
        column: "CTY_CODE",
        value: cell("CTY_CODE"),
        message: `expected a known country code (${Object.keys(CENSUS_COUNTRIES).join(", ")})`,
      });
    const value = cell(endpoint.value);
    if (!/^\d+$/.test(value))
      errors.push({ column: endpoint.value, value, message: "expected a whole number of dollars" });
    if (errors.length || !partner) return { line, errors };
    const commodity = cell(endpoint.commodity);
    return toStatFact(
      {
        position: line,
        reporter: "USA",
        partner,
        flow: endpoint.flow,
        hsCode: commodity,
        period: cell("time"),
        metric: "revenue_usd",
        value,
        publisher: "U.S. Census Bureau",
        table: "International trade by HS",
        updated: "",
        defaultUrl: CENSUS_URL,
        defaultLocator: `${endpoint.commodity} ${commodity}, CTY_CODE ${cell("CTY_CODE")}, ${cell("time")}`,
        note: `HS ${commodity}; ${endpoint.value} (${endpoint.flow === "export" ? "total exports" : "general imports"}) in dollars`,
      },
      options,
    );
  });
}
