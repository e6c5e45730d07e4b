import {
  CATEGORIES,
  CONFIDENCES,
  ESTIMATE_KINDS,
  isCountryCode,
  isIsoDate,
  isPartialDate,
  MAX_CELL_LENGTH,
  METRIC_IDS,
  parseFactRow,
  SOURCE_TYPES,
  type Category,
  type Confidence,
  type EstimateKind,
  type FactCsvRow,
  type Metric,
  type ParsedFactRow,
  type SourceType,
  YEARS,
} from "@chipflow/core";

const CATEGORY_SET = new Set<string>(CATEGORIES);
const CONFIDENCE_SET = new Set<string>(CONFIDENCES);
const ESTIMATE_KIND_SET = new Set<string>(ESTIMATE_KINDS);
const METRIC_SET = new Set<string>(METRIC_IDS);
const SOURCE_TYPE_SET = new Set<string>(SOURCE_TYPES);
const URL_PATTERN = /^https?:\/\/\S+$/;

/** Dates repeat across millions of rows: each distinct one is checked once (a bounded memo). */
class Memo {
  private readonly known = new Map<string, boolean>();
  constructor(private readonly check: (s: string) => boolean) {}
  has(s: string): boolean {
    let ok = this.known.get(s);
    if (ok === undefined) {
      ok = this.check(s);
      if (this.known.size < 50_000) this.known.set(s, ok);
    }
    return ok;
  }
}
const ISO_DATES = new Memo(isIsoDate);
const PARTIAL_DATES = new Memo(isPartialDate);

/** Thrown inside the fast path when a cell is not in its plain, common form: the schema then decides. */
const NOT_PLAIN = new Error("not plain");

function str(s: unknown): string {
  if (typeof s !== "string" || s.length > MAX_CELL_LENGTH || s.includes("\0")) throw NOT_PLAIN;
  return s;
}
/** The year of a date in the range the schema accepts. */
function plausible(date: string): string {
  const year = Number(date.slice(0, 4));
  if (year < YEARS.first || year > YEARS.last) throw NOT_PLAIN;
  return date;
}
/** Optional text: blank is null, otherwise trimmed (as the schema's `text`). */
function text(s: unknown): string | null {
  const t = str(s).trim();
  return t === "" ? null : t;
}
/** Required text, trimmed. */
function required(s: unknown): string {
  const t = str(s).trim();
  if (t === "") throw NOT_PLAIN;
  return t;
}
function isoDate(s: unknown): string {
  if (typeof s !== "string" || s.length !== 10 || !ISO_DATES.has(s)) throw NOT_PLAIN;
  return plausible(s);
}
function oneOf(s: unknown, values: Set<string>): string {
  if (typeof s !== "string" || !values.has(s)) throw NOT_PLAIN;
  return s;
}
function maybeOneOf(s: unknown, values: Set<string>): string | null {
  return s === "" ? null : oneOf(s, values);
}
function country(s: unknown): string | null {
  if (s === "") return null;
  if (typeof s !== "string" || !isCountryCode(s)) throw NOT_PLAIN;
  return s;
}
/** As the schema's `maybeNumber`: blank is null; `Number` of the trimmed text, finite, not hexadecimal. */
function maybeNumber(s: unknown): number | null {
  if (typeof s !== "string") throw NOT_PLAIN;
  const t = s.trim();
  if (t === "") return null;
  const n = Number(t);
  if (!Number.isFinite(n) || (t.charCodeAt(0) === 48 && (t.charCodeAt(1) | 32) === 120)) throw NOT_PLAIN;
  return n;
}

/**
 * `parseFactRow` for the import's hot path, with the same decisions: a row whose every cell is in its plain form
 * is checked with plain comparisons and turned into the same `FactRecord`; any other row (an invalid one, or a
 * valid one with, say, padded enum values) goes through the zod schema, which also words the errors.
 */
export function checkFactRow(row: FactCsvRow): ParsedFactRow {
  try {
    const periodStart = isoDate(row.period_start);
    const periodEnd = isoDate(row.period_end);
    const value = maybeNumber(row.value);
    const low = maybeNumber(row.low);
    const high = maybeNumber(row.high);
    if (periodEnd < periodStart) throw NOT_PLAIN;
    if (value === null && (low === null || high === null)) throw NOT_PLAIN;
    if (low !== null && high !== null && low > high) throw NOT_PLAIN;
    if (value !== null && ((low !== null && value < low) || (high !== null && value > high))) throw NOT_PLAIN;
    if (row.metric !== "charge_usd" && ((value ?? 0) < 0 || (low ?? 0) < 0 || (high ?? 0) < 0)) throw NOT_PLAIN;
    const date = required(row.source_date);
    const url = required(row.source_url);
    if (!PARTIAL_DATES.has(date) || !URL_PATTERN.test(url)) throw NOT_PLAIN;
    plausible(date);
    return {
      ok: true,
      fact: {
        periodStart,
        periodEnd,
        periodLabel: text(row.period_label),
        vendor: text(row.vendor),
        product: text(row.product),
        category: maybeOneOf(row.category, CATEGORY_SET) as Category | null,
        origin: country(row.origin),
        destination: country(row.destination),
        buyer: text(row.buyer),
        metric: oneOf(row.metric, METRIC_SET) as Metric,
        value,
        low,
        high,
        estimateKind: oneOf(row.estimate_kind, ESTIMATE_KIND_SET) as EstimateKind,
        confidence: maybeOneOf(row.confidence, CONFIDENCE_SET) as Confidence | null,
        source: {
          publisher: required(row.source_publisher),
          title: required(row.source_title),
          date,
          url,
          locator: text(row.source_locator),
          type: maybeOneOf(row.source_type, SOURCE_TYPE_SET) as SourceType | null,
        },
        note: text(row.note),
      },
    };
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
    return parseFactRow(row);
  }
}
