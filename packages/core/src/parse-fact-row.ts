import { z } from "zod";
import { isCountryCode } from "./countries.js";
import { CATEGORIES, CONFIDENCES, ESTIMATE_KINDS, SOURCE_TYPES } from "./enums.js";
import type { FactColumn, FactCsvRow } from "./fact-columns.js";
import type { FactRecord } from "./fact-record.js";
import { METRIC_IDS } from "./metrics.js";
import { isIsoDate, isPartialDate } from "./periods.js";

/** A problem with one cell of a row, named by its column. */
export interface CellError {
  column: FactColumn;
  value: string;
  message: string;
}

const blank = (s: string) => s.trim() === "";
/** Years a trade figure or its source can have: a year such as 1000 or 9999 is a typing slip, not a figure. */
export const YEARS = { first: 1900, last: 2100 } as const;
const plausibleYear = (s: string) => Number(s.slice(0, 4)) >= YEARS.first && Number(s.slice(0, 4)) <= YEARS.last;
const yearMessage = `expected a year from ${YEARS.first} to ${YEARS.last}`;
const noNul = (s: string) => !s.includes("\0");
const nulMessage = "holds a NUL character: the file is likely binary or mis-encoded";
/** The longest text a cell may hold; a longer one is a broken file, not a note. */
export const MAX_CELL_LENGTH = 4000;
const tooLong = { message: `longer than ${MAX_CELL_LENGTH} characters: shorten it`, abort: true } as const;
const text = z
  .string()
  .max(MAX_CELL_LENGTH, tooLong)
  .refine(noNul, nulMessage)
  .transform((s) => (blank(s) ? null : s.trim()));
const required = (what: string) =>
  z
    .string()
    .max(MAX_CELL_LENGTH, tooLong)
    .trim()
    .min(1, { message: `${what} is required`, abort: true })
    .refine(noNul, nulMessage);
const isoDate = required("a date")
  .refine(isIsoDate, { message: "expected a date as YYYY-MM-DD", abort: true })
  .refine(plausibleYear, yearMessage);
const country = text.refine((s) => s === null || isCountryCode(s), "expected an ISO 3166-1 alpha-3 code, WLD or ROW");
const maybeNumber = z.string().transform((s, ctx) => {
  if (blank(s)) return null;
  const n = Number(s.trim());
  if (!Number.isFinite(n) || /^0x/i.test(s.trim())) {
    ctx.addIssue({ code: "custom", message: "expected a plain number such as 1200000 or 12.5" });
    return z.NEVER;
  }
  return n;
});
const oneOf = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .trim()
    .refine((s) => (values as readonly string[]).includes(s), `expected one of ${values.join(", ")}`)
    .transform((s) => s as T);
const maybeOneOf = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .trim()
    .refine(
      (s) => s === "" || (values as readonly string[]).includes(s),
      `expected blank or one of ${values.join(", ")}`,
    )
    .transform((s) => (s === "" ? null : (s as T)));

/** The zod schema of a fact CSV row; `parseFactRow` is the way to use it. */
export const factRowSchema = z
  .object({
    period_start: isoDate,
    period_end: isoDate,
    period_label: text,
    vendor: text,
    product: text,
    category: maybeOneOf(CATEGORIES),
    origin: country,
    destination: country,
    buyer: text,
    metric: oneOf(METRIC_IDS),
    value: maybeNumber,
    low: maybeNumber,
    high: maybeNumber,
    estimate_kind: oneOf(ESTIMATE_KINDS),
    confidence: maybeOneOf(CONFIDENCES),
    source_publisher: required("source_publisher"),
    source_title: required("source_title"),
    source_date: required("source_date")
      .refine(isPartialDate, { message: "expected YYYY, YYYY-MM or YYYY-MM-DD", abort: true })
      .refine(plausibleYear, yearMessage),
    source_url: required("source_url").refine((s) => /^https?:\/\/\S+$/.test(s), "expected an http(s) URL"),
    source_locator: text,
    source_type: maybeOneOf(SOURCE_TYPES),
    note: text,
  })
  .superRefine((r, ctx) => {
    // One sign per metric: amounts are positive; only a charge may be negative (a reserve released).
    if (r.metric !== "charge_usd")
      for (const column of ["value", "low", "high"] as const)
        if ((r[column] ?? 0) < 0)
          ctx.addIssue({
            code: "custom",
            path: [column],
            message: `expected 0 or more: ${r.metric} is never negative (only charge_usd is, for a reserve released)`,
          });
    if (r.period_end < r.period_start)
      ctx.addIssue({ code: "custom", path: ["period_end"], message: "period_end is before period_start" });
    if (r.value === null && (r.low === null || r.high === null))
      ctx.addIssue({ code: "custom", path: ["value"], message: "a value, or both low and high, is required" });
    if (r.low !== null && r.high !== null && r.low > r.high)
      ctx.addIssue({ code: "custom", path: ["low"], message: "low is greater than high" });
    if (r.value !== null && r.low !== null && r.value < r.low)
      ctx.addIssue({ code: "custom", path: ["value"], message: "value is below low" });
    if (r.value !== null && r.high !== null && r.value > r.high)
      ctx.addIssue({ code: "custom", path: ["value"], message: "value is above high" });
  });

export type ParsedFactRow = { ok: true; fact: FactRecord } | { ok: false; errors: CellError[] };

/** Checks one CSV row and turns it into a `FactRecord`, or lists what is wrong with each cell. */
export function parseFactRow(row: FactCsvRow): ParsedFactRow {
  const result = factRowSchema.safeParse(row);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => {
        const column = (issue.path[0] ?? "value") as FactColumn;
        return { column, value: String(row[column] ?? ""), message: issue.message };
      }),
    };
  }
  const r = result.data;
  return {
    ok: true,
    fact: {
      periodStart: r.period_start,
      periodEnd: r.period_end,
      periodLabel: r.period_label,
      vendor: r.vendor,
      product: r.product,
      category: r.category,
      origin: r.origin,
      destination: r.destination,
      buyer: r.buyer,
      metric: r.metric,
      value: r.value,
      low: r.low,
      high: r.high,
      estimateKind: r.estimate_kind,
      confidence: r.confidence,
      source: {
        publisher: r.source_publisher,
        title: r.source_title,
        date: r.source_date,
        url: r.source_url,
        locator: r.source_locator,
        type: r.source_type,
      },
      note: r.note,
    },
  };
}

const num = (n: number | null) => (n === null ? "" : String(n));

/** The CSV row of a fact: the inverse of `parseFactRow`. */
export function toFactRow(f: FactRecord): FactCsvRow {
  return {
    period_start: f.periodStart,
    period_end: f.periodEnd,
    period_label: f.periodLabel ?? "",
    vendor: f.vendor ?? "",
    product: f.product ?? "",
    category: f.category ?? "",
    origin: f.origin ?? "",
    destination: f.destination ?? "",
    buyer: f.buyer ?? "",
    metric: f.metric,
    value: num(f.value),
    low: num(f.low),
    high: num(f.high),
    estimate_kind: f.estimateKind,
    confidence: f.confidence ?? "",
    source_publisher: f.source.publisher,
    source_title: f.source.title,
    source_date: f.source.date,
    source_url: f.source.url,
    source_locator: f.source.locator ?? "",
    source_type: f.source.type ?? "",
    note: f.note ?? "",
  };
}
