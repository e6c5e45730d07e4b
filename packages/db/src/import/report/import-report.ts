import type { Metric } from "@chipflow/core";

/**
 * What an import found in a file, for a researcher to read before importing it (`--dry-run --report`): rows by
 * reporter, year and HS code, the rows left out and why, the codes that map to no country or product, and the
 * figures that disagree with the other side's report of the same flow already in the database. Plain data: the
 * command line renders it as Markdown or HTML.
 */
export interface ImportReport {
  file: string;
  /** The import's format, as recorded on the dataset: comtrade-plus-csv, chipflow-csv, … */
  format: string;
  encoding: string;
  datasetId: string;
  dryRun: boolean;
  /** Whether rows that fail the checks are left out (rather than stopping the import). */
  skipInvalid: boolean;
  /** Whether the import was written (never in a dry run). */
  committed: boolean;
  /** Source rows read, those left out on purpose included. */
  rows: number;
  /** Facts from the rows that pass the checks (a Comtrade row counted in items gives two: its value and its units). */
  facts: number;
  /** Facts new to the dataset, and facts it already held (upserted): what the import wrote or would write. */
  inserted: number;
  updated: number;
  /** Rows that failed the checks. */
  rejected: number;
  /** What the first column of `groups` names: the reporting country (Comtrade files) or origin → destination. */
  groupedBy: "reporter" | "flow";
  /** Rows by reporter (or flow) × year × HS code (or product), sorted by those three. */
  groups: ReportGroup[];
  /** The rows of combinations beyond the first `MAX_REPORT_GROUPS`, counted together; null when none. */
  ungrouped: ReportCounts | null;
  /** Why rows were left out: on purpose (`skipped`) or because they failed the checks (`rejected`). */
  leftOut: LeftOutReason[];
  /** Country and HS codes that name no country or product chipflow knows, by column and code. */
  unmapped: UnmappedCode[];
  /** Rows with codes beyond the first `MAX_REPORTED_CODES`, counted but not listed. */
  unlistedCodes: number;
  mirrors: MirrorCheck;
}

export interface ReportCounts {
  /** Rows that gave facts. */
  rows: number;
  /** Rows left out on purpose (Comtrade breakdowns, re-exports, …). */
  skipped: number;
  /** The sum of the `revenue_usd` facts (for Comtrade, the trade value in USD). */
  valueUsd: number;
  /** Of which the reporter's imports and its exports (Comtrade files; 0 for chipflow files, which have no reporter). */
  importsUsd: number;
  exportsUsd: number;
}

/** One combination of the rows table. */
export interface ReportGroupKey {
  /** The reporter's ISO3 code (or its code as written, when it names no country), or `origin → destination`. */
  by: string;
  /** The year the period starts in. */
  year: string;
  /** The HS code (`8542.31`), or a chipflow file's vendor and product. */
  product: string;
}

export interface ReportGroup extends ReportGroupKey, ReportCounts {}

export interface LeftOutReason {
  kind: "skipped" | "rejected";
  /** The skip reason, or for a rejected row `column: what was expected` (a row with several faults is under each). */
  reason: string;
  rows: number;
  /** The first `MAX_REPORTED_LINES` lines, in file order. */
  firstLines: number[];
}

export interface UnmappedCode {
  kind: "country" | "hs";
  /** The file's column that holds the code: partnerCode, Reporter Code, cmdCode, origin, … */
  column: string;
  code: string;
  rows: number;
  firstLine: number;
  /** `rejected`: no mapping is known, the row fails; `left out`: an area that names no country, skipped on purpose. */
  outcome: "rejected" | "left out";
}

/**
 * The file's figures against the other side's reports already in the database. Comtrade files only: a fact reported
 * by one country (the exporter, say) is compared with the fact of the same metric, HS code, origin, destination and
 * period that its partner reported (the importer's `UN Comtrade: <partner> import reports`), in any dataset other
 * than the one being filled, as stored before this import. A pair conflicts when `mirrorGap` exceeds `tolerance`.
 */
export interface MirrorCheck {
  /** False when the database could not be read beside the import (an in-memory database). */
  checked: boolean;
  tolerance: number;
  /** Pairs compared: a fact of the file and a figure the partner reported (a fact with two such figures makes two). */
  compared: number;
  /** Pairs that differ by more than `tolerance`. */
  conflictCount: number;
  /** The first `MAX_REPORTED_CONFLICTS` of them, in file order. */
  conflicts: MirrorConflict[];
}

export interface MirrorConflict {
  line: number;
  metric: Metric;
  /** The product's name: `HS 8542.31`. */
  product: string;
  origin: string;
  destination: string;
  periodStart: string;
  periodEnd: string;
  /** Who reported the file's figure (ISO3). */
  reporter: string;
  value: number;
  mirrorDatasetId: string;
  /** The stored figure's source title: `UN Comtrade: United States export reports`. */
  mirrorSource: string;
  mirrorValue: number;
  /** |value − mirrorValue| / max(value, mirrorValue). */
  gap: number;
}

/** Two reports of one flow conflict when they differ by more than this share of the larger. */
export const MIRROR_TOLERANCE = 0.1;
/** Beyond this many reporter × year × code combinations, rows are counted together (memory stays bounded). */
export const MAX_REPORT_GROUPS = 20_000;
/** Line numbers listed for each reason a row was left out. */
export const MAX_REPORTED_LINES = 5;
/** Distinct reasons, unmapped codes and conflicts kept; beyond them rows are counted, not listed. */
export const MAX_REPORTED_REASONS = 200;
export const MAX_REPORTED_CODES = 1000;
export const MAX_REPORTED_CONFLICTS = 500;

/** How far apart two reports of one flow are, as a share of the larger: 0 when equal (or both zero), 1 when one is zero. */
export function mirrorGap(a: number, b: number): number {
  const larger = Math.max(Math.abs(a), Math.abs(b));
  return larger === 0 ? 0 : Math.abs(a - b) / larger;
}
