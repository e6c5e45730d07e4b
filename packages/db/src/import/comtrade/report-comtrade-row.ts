import type { ImportReportCollector } from "../report/import-report-collector.js";
import type { ReportGroupKey } from "../report/import-report.js";
import type { ComtradeField, ComtradeFields } from "./comtrade-columns.js";
import { toIso3FromComtrade } from "./comtrade-country.js";
import { SKIP_UNPLACED, type ComtradeRowResult } from "./comtrade-facts.js";
import { toHsProduct } from "./hs-product.js";

/** Where a Comtrade row stands in the report's table, read from its raw fields (codes as written when unknown). */
export function toComtradeReportGroup(fields: ComtradeFields): ReportGroupKey {
  return {
    by: toIso3FromComtrade(fields.reporterCode) ?? fields.reporterCode.trim(),
    year: fields.period.trim().slice(0, 4),
    product: toHsProduct(fields.cmdCode)?.hsCode ?? fields.cmdCode.trim(),
  };
}

const COUNTRY_FIELDS = new Set<ComtradeField>(["reporterCode", "partnerCode"]);

/**
 * Tells the collector what a Comtrade row that gave no facts was: left out on purpose (and, for a partner area that
 * names no country, which code), or rejected for codes that map to no country or HS product. `column` names a field
 * as the file's header does.
 */
export function reportComtradeRow(
  collector: ImportReportCollector,
  line: number,
  fields: ComtradeFields,
  result: Exclude<ComtradeRowResult, { kind: "facts" }>,
  column: (field: ComtradeField) => string,
): void {
  if (result.kind === "skip") {
    collector.skipped(line, result.reason, toComtradeReportGroup(fields));
    if (result.reason === SKIP_UNPLACED) {
      const code = fields.partnerCode;
      collector.unmapped({ kind: "country", column: column("partnerCode"), code, line, outcome: "left out" });
    }
    return;
  }
  for (const e of result.errors) {
    const kind = COUNTRY_FIELDS.has(e.field) ? "country" : e.field === "cmdCode" ? "hs" : undefined;
    if (kind) collector.unmapped({ kind, column: column(e.field), code: e.value, line, outcome: "rejected" });
  }
}
