/**
 * The columns of chipflow's fact CSV, in order. The API's facts export writes exactly these and the importer
 * reads exactly these, so an export imports again unchanged.
 */
export const FACT_COLUMNS = [
  "period_start",
  "period_end",
  "period_label",
  "vendor",
  "product",
  "category",
  "origin",
  "destination",
  "buyer",
  "metric",
  "value",
  "low",
  "high",
  "estimate_kind",
  "confidence",
  "source_publisher",
  "source_title",
  "source_date",
  "source_url",
  "source_locator",
  "source_type",
  "note",
] as const;

export type FactColumn = (typeof FACT_COLUMNS)[number];

/** Columns a fact file may leave out (files written before they existed): read as blank. */
export const OPTIONAL_FACT_COLUMNS: readonly FactColumn[] = ["source_locator", "source_type"];

/** One fact as it stands in a CSV file: every cell a string, blank for "not given". */
export type FactCsvRow = Record<FactColumn, string>;

/** The columns of the events CSV. */
export const EVENT_COLUMNS = [
  "date",
  "date_kind",
  "jurisdiction",
  "actor",
  "title",
  "description",
  "source_publisher",
  "source_title",
  "source_date",
  "source_url",
  "source_locator",
  "source_type",
  "rank",
  "label",
  "confidence",
  "topic",
] as const;

export type EventColumn = (typeof EVENT_COLUMNS)[number];

/** Columns an events file may leave out: read as blank. */
export const OPTIONAL_EVENT_COLUMNS: readonly EventColumn[] = [
  "source_locator",
  "source_type",
  "rank",
  "label",
  "topic",
];

export type EventCsvRow = Record<EventColumn, string>;
