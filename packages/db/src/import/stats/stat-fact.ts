import { getCountry, toBucketEnd, type FactCsvRow, type Metric } from "@chipflow/core";
import type { FactSourceRecord } from "../import-facts.js";
import { toHsProduct } from "../comtrade/hs-product.js";

/** Where the facts of a statistics office's answer are cited: the extract's URL and the query that made it. */
export interface StatSourceOptions {
  sourceUrl?: string | undefined;
  sourceLocator?: string | undefined;
}

/** One cell of a trade table, as its publisher printed it, before it becomes a fact. */
export interface StatCell {
  /** Its position in the answer (the row of a table, the index of a value), from 1: the "line" of its errors. */
  position: number;
  reporter: string;
  partner: string;
  flow: "import" | "export";
  /** An HS code of 2, 4 or 6 digits. */
  hsCode: string;
  /** A national code that subdivides the HS code (Japan's `854231100`): the fact's product is then that code's own. */
  nationalCode?: string;
  /** `YYYY` or `YYYY-MM`. */
  period: string;
  metric: Extract<Metric, "revenue_usd" | "revenue_eur" | "revenue_jpy">;
  /** The value in whole currency units, as digits. */
  value: string;
  publisher: string;
  /** The table, as the publisher names it (`Comext DS-045409`). */
  table: string;
  /** When the publisher last updated the table (`YYYY-MM-DD`), or blank. */
  updated: string;
  defaultUrl: string;
  /** The query, when the import gives none: reporter, partner, product and period of this cell. */
  defaultLocator: string;
  note: string;
}

/** The title of the source of a reporter's trade reports at one publisher: `Comext DS-045409: Netherlands (Kingdom of the) export reports`. */
export const toStatSourceTitle = (table: string, reporter: string, flow: "import" | "export") =>
  `${table}: ${getCountry(reporter).name} ${flow} reports`;

/** The calendar span of `YYYY` or `YYYY-MM`, or null when the period is neither. */
export function toStatPeriod(period: string): { start: string; end: string } | null {
  const year = /^(\d{4})$/.exec(period);
  if (year) return { start: `${year[1]}-01-01`, end: `${year[1]}-12-31` };
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!month) return null;
  return { start: `${period}-01`, end: toBucketEnd(`${period}-01`, "month") };
}

/**
 * The fact of one cell: a trade value from the reporter's side (exports: reporter → partner; imports: partner →
 * reporter), under a source of its own per reporter and flow, as Comtrade facts are, so mirror flows never add up.
 */
export function toStatFact(cell: StatCell, options: StatSourceOptions): FactSourceRecord {
  const period = toStatPeriod(cell.period);
  const product = toHsProduct(cell.hsCode);
  if (!period || !product) {
    return {
      line: cell.position,
      errors: [
        period
          ? { column: "product", value: cell.hsCode, message: "expected an HS code of 2, 4 or 6 digits" }
          : { column: "period", value: cell.period, message: "expected YYYY or YYYY-MM" },
      ],
    };
  }
  const name = cell.nationalCode ? `${product.name}, ${cell.nationalCode}` : product.name;
  const row: FactCsvRow = {
    period_start: period.start,
    period_end: period.end,
    period_label: "",
    vendor: "",
    product: name,
    category: product.category,
    origin: cell.flow === "export" ? cell.reporter : cell.partner,
    destination: cell.flow === "export" ? cell.partner : cell.reporter,
    buyer: "",
    metric: cell.metric,
    value: cell.value,
    low: "",
    high: "",
    estimate_kind: "reported",
    confidence: "high",
    source_publisher: cell.publisher,
    source_title: toStatSourceTitle(cell.table, cell.reporter, cell.flow),
    source_date: cell.updated || cell.period,
    source_url: options.sourceUrl ?? cell.defaultUrl,
    source_locator: options.sourceLocator ?? cell.defaultLocator,
    source_type: "primary",
    note: cell.note,
  };
  return {
    line: cell.position,
    row,
    product: { vendor: null, name, category: product.category, hsCodes: [product.hsCode] },
    reportedBy: { reporter: cell.reporter },
  };
}
