import type { FactRecord, SourceRef } from "@chipflow/core";

/** The data sheet's columns: the fact CSV's, its source columns replaced by the row of the sources sheet. */
const DATA_COLUMNS = [
  { header: "period_start", key: "periodStart", width: 12 },
  { header: "period_end", key: "periodEnd", width: 12 },
  { header: "period_label", key: "periodLabel", width: 14 },
  { header: "vendor", key: "vendor", width: 18 },
  { header: "product", key: "product", width: 18 },
  { header: "category", key: "category", width: 18 },
  { header: "origin", key: "origin", width: 8 },
  { header: "destination", key: "destination", width: 11 },
  { header: "buyer", key: "buyer", width: 14 },
  { header: "metric", key: "metric", width: 18 },
  { header: "value", key: "value", width: 16 },
  { header: "low", key: "low", width: 16 },
  { header: "high", key: "high", width: 16 },
  { header: "estimate_kind", key: "estimateKind", width: 13 },
  { header: "confidence", key: "confidence", width: 11 },
  { header: "source", key: "source", width: 8 },
  { header: "note", key: "note", width: 60 },
];

const SOURCE_COLUMNS = [
  { header: "source", key: "id", width: 8 },
  { header: "publisher", key: "publisher", width: 40 },
  { header: "title", key: "title", width: 60 },
  { header: "date", key: "date", width: 11 },
  { header: "url", key: "url", width: 60 },
  { header: "locator", key: "locator", width: 50 },
  { header: "type", key: "type", width: 10 },
];

const DATE_FORMAT = "yyyy-mm-dd";
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Writes facts as an Excel workbook, streamed to `path`: a `data` sheet (one row per fact; dates are dates, numbers
 * are numbers, text is text and never a formula) whose `source` column is the row number of the `sources` sheet,
 * which lists each source once. Both headers are frozen. Resolves with the number of facts.
 */
export async function writeFactsXlsx(facts: Iterable<FactRecord>, path: string): Promise<number> {
  // Loaded only for a workbook: every other export, and every program that imports this package, goes without it.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  workbook.creator = "chipflow";
  const frozen = [{ state: "frozen" as const, ySplit: 1 }];
  const data = workbook.addWorksheet("data", { views: frozen });
  data.columns = DATA_COLUMNS;
  for (const key of ["periodStart", "periodEnd"]) data.getColumn(key).numFmt = DATE_FORMAT;
  const sources = new Map<string, { id: number; source: SourceRef }>();
  let count = 0;
  for (const fact of facts) {
    const key = JSON.stringify(fact.source);
    let entry = sources.get(key);
    if (!entry) sources.set(key, (entry = { id: sources.size + 1, source: fact.source }));
    data
      .addRow({
        ...fact,
        periodStart: asDate(fact.periodStart),
        periodEnd: asDate(fact.periodEnd),
        source: entry.id,
      })
      .commit();
    count++;
  }
  data.commit();
  const sheet = workbook.addWorksheet("sources", { views: frozen });
  sheet.columns = SOURCE_COLUMNS;
  for (const { id, source } of sources.values()) sheet.addRow({ id, ...source }).commit();
  sheet.commit();
  await workbook.commit();
  return count;
}
