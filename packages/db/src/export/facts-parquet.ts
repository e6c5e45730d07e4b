import { FACT_COLUMNS, type FactColumn } from "@chipflow/core";
import { fileWriter, ParquetWriter, type SchemaElement } from "hyparquet-writer";
import type { FactCsvCells } from "../queries/iterate-facts.js";

/** Rows per row group: tens of MB in memory while a group is built, ten groups per million facts for readers. */
const ROW_GROUP_ROWS = 100_000;
const DAY_MS = 86_400_000;

type ColumnType = "date" | "double" | "text";

const TYPES: Record<ColumnType, Omit<SchemaElement, "name">> = {
  date: { type: "INT32", converted_type: "DATE", logical_type: { type: "DATE" } },
  double: { type: "DOUBLE" },
  text: { type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" } },
};

/** Each fact column's type, and whether every fact has it (REQUIRED) or it may be null (OPTIONAL). */
const COLUMNS: Record<FactColumn, { type: ColumnType; required?: true }> = {
  period_start: { type: "date", required: true },
  period_end: { type: "date", required: true },
  period_label: { type: "text" },
  vendor: { type: "text" },
  product: { type: "text" },
  category: { type: "text" },
  origin: { type: "text" },
  destination: { type: "text" },
  buyer: { type: "text" },
  metric: { type: "text", required: true },
  value: { type: "double" },
  low: { type: "double" },
  high: { type: "double" },
  estimate_kind: { type: "text", required: true },
  confidence: { type: "text" },
  source_publisher: { type: "text", required: true },
  source_title: { type: "text", required: true },
  // YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source is known: text, not a date.
  source_date: { type: "text", required: true },
  source_url: { type: "text", required: true },
  source_locator: { type: "text" },
  source_type: { type: "text" },
  note: { type: "text" },
};

/** The Parquet schema of the facts: `FACT_COLUMNS` in order, typed. */
export const FACTS_PARQUET_SCHEMA: SchemaElement[] = [
  { name: "root", num_children: FACT_COLUMNS.length },
  ...FACT_COLUMNS.map((name) => ({
    name,
    ...TYPES[COLUMNS[name].type],
    repetition_type: COLUMNS[name].required ? ("REQUIRED" as const) : ("OPTIONAL" as const),
  })),
];

const DATE_COLUMNS = FACT_COLUMNS.flatMap((name, i) => (COLUMNS[name].type === "date" ? [i] : []));

/** Days since 1970-01-01, Parquet's DATE, of a YYYY-MM-DD date. */
const toEpochDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * Writes the facts (rows of cells in `FACT_COLUMNS` order, see `iterateFactCsvCells`) as a Parquet file at `path`,
 * one row group per `rowGroupRows` facts (100,000 unless told), so memory holds one group however many facts there
 * are. Columns are named as in the CSV and typed: the period's start and end are dates, value, low and high doubles,
 * the rest UTF-8 text; blanks are nulls. Pages are compressed with Snappy. Text is stored as it is: no cell is
 * neutralised, as no Parquet reader runs a formula. Resolves with the number of facts.
 */
export async function writeFactsParquet(
  rows: Iterable<FactCsvCells>,
  path: string,
  { rowGroupRows = ROW_GROUP_ROWS }: { rowGroupRows?: number } = {},
): Promise<number> {
  const writer = new ParquetWriter({ writer: fileWriter(path), schema: FACTS_PARQUET_SCHEMA, createdBy: "chipflow" });
  let columns = FACT_COLUMNS.map((): (string | number | null)[] => []);
  let count = 0;
  const writeGroup = async () => {
    for (const i of DATE_COLUMNS) columns[i] = columns[i]!.map((d) => toEpochDay(d as string));
    const columnData = FACT_COLUMNS.map((name, i) => ({ name, data: columns[i]! }));
    await writer.write({ columnData, rowGroupSize: columns[0]!.length });
    columns = FACT_COLUMNS.map(() => []);
  };
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) columns[i]!.push(row[i] ?? null);
    if (++count % rowGroupRows === 0) await writeGroup();
  }
  if (columns[0]!.length) await writeGroup();
  await writer.finish();
  return count;
}
