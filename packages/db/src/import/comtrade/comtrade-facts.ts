import { getCountry, REST_OF_WORLD, toBucketEnd, WORLD, type FactCsvRow } from "@chipflow/core";
import type { ProductInput } from "../../write/dimension-ids.js";
import type { ComtradeField, ComtradeFields } from "./comtrade-columns.js";
import { isUnplacedComtradeArea, toIso3FromComtrade } from "./comtrade-country.js";
import { toHsProduct } from "./hs-product.js";

/** The default source URL of Comtrade facts, when the import does not give the extract's own. */
export const COMTRADE_URL = "https://comtradeplus.un.org/";

export interface ComtradeOptions {
  sourceUrl: string;
  /** Where the extract came from (the query that produced it), cited with every fact; by default its records. */
  sourceLocator?: string | undefined;
  /** Keep rows that break a total down by second partner, customs procedure or transport mode. */
  keepBreakdowns: boolean;
}

export interface ComtradeCellError {
  field: ComtradeField;
  value: string;
  message: string;
}

/**
 * Who reported a row (an ISO3 code), and the source title under which the partner's report of the same flow is
 * stored: given only for a total row between two countries (the world and unallocated areas report nothing).
 */
export interface ComtradeReporter {
  reporter: string;
  mirrorTitle?: string;
}

/** What one Comtrade row becomes: facts (value, and units when counted in items), errors, or a deliberate skip. */
export type ComtradeRowResult =
  | { kind: "facts"; rows: FactCsvRow[]; product: ProductInput; reportedBy: ComtradeReporter }
  | { kind: "errors"; errors: ComtradeCellError[] }
  | { kind: "skip"; reason: string };

export const SKIP_BREAKDOWN = "breakdown rows (partner2Code, customsCode or motCode other than the total)";
export const SKIP_REFLOW = "re-export and re-import rows";
export const SKIP_UNPLACED = "rows whose partner is an area that names no country (nes regions, bunkers, free zones)";
export const SKIP_ALL_COMMODITIES = "rows of all commodities together (cmdCode TOTAL)";

const FLOWS: Record<string, "import" | "export" | "reflow"> = {
  M: "import",
  X: "export",
  "1": "import",
  "2": "export",
  RM: "reflow",
  RX: "reflow",
  "3": "reflow",
  "4": "reflow",
};

const isTrue = (s: string) => /^(true|1)$/i.test(s.trim());
const isTotalCode = (s: string, total: string) => s.trim() === "" || s.trim().toUpperCase() === total;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The title of the source of a reporter's totals in one direction: `UN Comtrade: China import reports`. */
export function toComtradeSourceTitle(reporter: string, flow: "import" | "export"): string {
  return `UN Comtrade: ${getCountry(reporter).name} ${flow} reports`;
}

/** The period of a row: `YYYY` (annual) or `YYYYMM` (monthly), checked against the frequency when there is one. */
export function toComtradePeriod(
  fields: ComtradeFields,
): { freq: "A" | "M"; year: string; start: string; end: string; date: string } | ComtradeCellError {
  const p = fields.period.trim();
  const freq = fields.freq.trim().toUpperCase();
  const annual = /^\d{4}$/.test(p);
  const month = /^\d{4}(0[1-9]|1[0-2])$/.test(p) ? p.slice(4) : null;
  if (!annual && !month) return { field: "period", value: fields.period, message: "expected YYYY or YYYYMM" };
  if (freq !== "" && freq !== (annual ? "A" : "M"))
    return { field: "freq", value: fields.freq, message: `expected ${annual ? "A" : "M"} for period ${p}` };
  const year = p.slice(0, 4);
  if (annual) return { freq: "A", year, start: `${year}-01-01`, end: `${year}-12-31`, date: year };
  const start = `${year}-${month}-01`;
  return { freq: "M", year, start, end: toBucketEnd(start, "month"), date: `${year}-${month}` };
}

/** Turns one Comtrade row into chipflow fact rows. Mirror flows stay apart: each reporter and flow is its own source. */
export function toComtradeFacts(fields: ComtradeFields, options: ComtradeOptions): ComtradeRowResult {
  const flow = FLOWS[fields.flowCode.trim().toUpperCase()];
  if (flow === "reflow") return { kind: "skip", reason: SKIP_REFLOW };
  const breakdown = !(
    isTotalCode(fields.partner2Code, "0") &&
    isTotalCode(fields.customsCode, "C00") &&
    isTotalCode(fields.motCode, "0")
  );
  if (breakdown && !options.keepBreakdowns) return { kind: "skip", reason: SKIP_BREAKDOWN };
  if (isUnplacedComtradeArea(fields.partnerCode)) return { kind: "skip", reason: SKIP_UNPLACED };
  // A reporter's trade in every good: a download's context, not a chip or chip-tool flow.
  if (fields.cmdCode.trim().toUpperCase() === "TOTAL") return { kind: "skip", reason: SKIP_ALL_COMMODITIES };

  const errors: ComtradeCellError[] = [];
  if (!flow) errors.push({ field: "flowCode", value: fields.flowCode, message: "expected M or X (or legacy 1 or 2)" });
  const period = toComtradePeriod(fields);
  if ("field" in period) errors.push(period);
  const reporter = toIso3FromComtrade(fields.reporterCode);
  const partner = toIso3FromComtrade(fields.partnerCode);
  for (const [field, iso3] of [
    ["reporterCode", reporter],
    ["partnerCode", partner],
  ] as const) {
    if (!iso3)
      errors.push({ field, value: fields[field], message: "expected a UN M49 country code such as 156, 842 or 490" });
  }
  const product = toHsProduct(fields.cmdCode);
  if (!product)
    errors.push({ field: "cmdCode", value: fields.cmdCode, message: "expected an HS code of 2, 4 or 6 digits" });
  const value = fields.primaryValue.trim();
  if (!PLAIN_NUMBER.test(value))
    errors.push({ field: "primaryValue", value: fields.primaryValue, message: "expected the trade value in USD" });
  const items = fields.qtyUnitCode.trim() === "5" && fields.qty.trim() !== "";
  if (items && !PLAIN_NUMBER.test(fields.qty.trim()))
    errors.push({ field: "qty", value: fields.qty, message: "expected a number of items" });
  if (errors.length || !flow || "field" in period || !reporter || !partner || !product)
    return { kind: "errors", errors };

  const detail = breakdown
    ? ` (partner2 ${fields.partner2Code.trim()}, customs ${fields.customsCode.trim()}, transport ${fields.motCode.trim()})`
    : "";
  const base: FactCsvRow = {
    period_start: period.start,
    period_end: period.end,
    period_label: "",
    vendor: "",
    product: product.name,
    category: product.category,
    origin: flow === "export" ? reporter : partner,
    destination: flow === "export" ? partner : reporter,
    buyer: "",
    metric: "revenue_usd",
    value,
    low: "",
    high: "",
    estimate_kind: "reported",
    confidence: "high",
    source_publisher: "UN Comtrade",
    source_title: `${toComtradeSourceTitle(reporter, flow)}${detail}`,
    source_date: period.date,
    source_url: options.sourceUrl,
    source_locator:
      options.sourceLocator ??
      `records of reporter ${fields.reporterCode.trim()}, flow ${fields.flowCode.trim()}, commodity ${fields.cmdCode.trim()}`,
    source_type: "primary",
    note: `HS ${fields.classification.trim()} ${fields.cmdCode.trim()}`.trim(),
  };
  const rows = [base];
  if (items) {
    const estimated = isTrue(fields.qtyEstimated) || /^[1-9]\d*$/.test(fields.qtyEstimated.trim());
    rows.push({
      ...base,
      metric: "units",
      value: fields.qty.trim(),
      estimate_kind: estimated ? "estimate" : "reported",
    });
  }
  const mirrored = !breakdown && partner !== reporter && partner !== WORLD && partner !== REST_OF_WORLD;
  return {
    kind: "facts",
    rows,
    product: { vendor: null, name: product.name, category: product.category, hsCodes: [product.hsCode] },
    reportedBy: mirrored
      ? { reporter, mirrorTitle: toComtradeSourceTitle(partner, flow === "export" ? "import" : "export") }
      : { reporter },
  };
}
