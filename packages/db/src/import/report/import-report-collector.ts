import type { FactRecord } from "@chipflow/core";
import {
  MAX_REPORT_GROUPS,
  MAX_REPORTED_CODES,
  MAX_REPORTED_CONFLICTS,
  MAX_REPORTED_LINES,
  MAX_REPORTED_REASONS,
  MIRROR_TOLERANCE,
  mirrorGap,
  type ImportReport,
  type LeftOutReason,
  type MirrorCheck,
  type ReportCounts,
  type ReportGroup,
  type ReportGroupKey,
  type UnmappedCode,
} from "./import-report.js";
import type { MirrorLookup } from "./mirror-lookup.js";

/** What the format adapter knows of a fact besides the fact: its HS code, who reported it, the partner's title. */
export interface FactContext {
  hsCode?: string | undefined;
  reporter?: string | undefined;
  mirrorTitle?: string | undefined;
}

/** The import's own figures, given when the report is made. */
export type ImportTotals = Pick<
  ImportReport,
  | "file"
  | "format"
  | "encoding"
  | "datasetId"
  | "dryRun"
  | "skipInvalid"
  | "committed"
  | "rows"
  | "inserted"
  | "updated"
  | "rejected"
>;

/** Code-unit order: the same on every machine, whatever its locale. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Why rows beyond `MAX_REPORTED_REASONS` distinct reasons were left out. */
export const OTHER_REASONS = "(other reasons, not listed one by one)";

/**
 * Gathers an `ImportReport` while an import streams: the reader tells it of every row left out on purpose and
 * every code it cannot map, the pipeline of every fact that passed the checks and every rejected row. It keeps
 * counts by combination and reason, never the rows, so memory stays bounded however large the file.
 */
export class ImportReportCollector {
  private readonly groups = new Map<string, ReportGroup>();
  private readonly ungrouped: ReportCounts = { rows: 0, skipped: 0, valueUsd: 0, importsUsd: 0, exportsUsd: 0 };
  private readonly reasons = new Map<string, LeftOutReason>();
  private readonly codes = new Map<string, UnmappedCode>();
  private unlistedCodes = 0;
  private readonly mirrors: MirrorCheck;
  private lastLine = -1;
  private facts = 0;

  constructor(
    private readonly groupedBy: ImportReport["groupedBy"],
    private readonly lookup: MirrorLookup | undefined,
  ) {
    this.mirrors = {
      checked: lookup !== undefined,
      tolerance: MIRROR_TOLERANCE,
      compared: 0,
      conflictCount: 0,
      conflicts: [],
    };
  }

  /** A fact that passed the checks, from `line`. */
  fact(line: number, fact: FactRecord, context: FactContext = {}): void {
    const counts = this.countsOf({
      by: context.reporter ?? `${fact.origin ?? "·"} → ${fact.destination ?? "·"}`,
      year: fact.periodStart.slice(0, 4),
      product: context.hsCode ?? ([fact.vendor, fact.product].filter(Boolean).join(" ") || (fact.category ?? "")),
    });
    this.facts++;
    if (line !== this.lastLine) counts.rows++;
    this.lastLine = line;
    if (fact.metric === "revenue_usd" && fact.value !== null) {
      counts.valueUsd += fact.value;
      if (context.reporter === fact.destination) counts.importsUsd += fact.value;
      else if (context.reporter === fact.origin) counts.exportsUsd += fact.value;
    }
    if (this.lookup && context.mirrorTitle && context.reporter && fact.value !== null)
      this.compare(line, fact, context.reporter, context.mirrorTitle);
  }

  /** A row left out on purpose, for `reason`; `group` places it in the rows table when the reader can tell. */
  skipped(line: number, reason: string, group?: ReportGroupKey): void {
    this.leftOut("skipped", reason, line);
    if (group) this.countsOf(group).skipped++;
  }

  /** A row that failed the checks, with what is wrong in each of its faulty columns. */
  rejected(line: number, errors: readonly { column: string; message: string; value?: string }[]): void {
    for (const reason of new Set(errors.map((e) => `${e.column}: ${e.message}`)))
      this.leftOut("rejected", reason, line);
    // chipflow's own files name countries by ISO3 code: a code it does not know is unmapped.
    for (const e of errors) {
      if ((e.column === "origin" || e.column === "destination") && e.value)
        this.unmapped({ kind: "country", column: e.column, code: e.value, line, outcome: "rejected" });
    }
  }

  /** A country or HS code in `column` that names nothing chipflow knows. */
  unmapped(entry: {
    kind: UnmappedCode["kind"];
    column: string;
    code: string;
    line: number;
    outcome: UnmappedCode["outcome"];
  }): void {
    const code = entry.code.trim();
    const key = `${entry.kind}\u0000${entry.column}\u0000${code}\u0000${entry.outcome}`;
    const known = this.codes.get(key);
    if (known) known.rows++;
    else if (this.codes.size < MAX_REPORTED_CODES)
      this.codes.set(key, {
        kind: entry.kind,
        column: entry.column,
        code,
        rows: 1,
        firstLine: entry.line,
        outcome: entry.outcome,
      });
    else this.unlistedCodes++;
  }

  /** The report, with the import's own totals. */
  toReport(totals: ImportTotals): ImportReport {
    const byKey = (a: ReportGroupKey, b: ReportGroupKey) =>
      compareText(a.by, b.by) || compareText(a.year, b.year) || compareText(a.product, b.product);
    const grouped = this.ungrouped.rows + this.ungrouped.skipped > 0;
    return {
      ...totals,
      facts: this.facts,
      groupedBy: this.groupedBy,
      groups: [...this.groups.values()].sort(byKey),
      ungrouped: grouped ? { ...this.ungrouped } : null,
      leftOut: [...this.reasons.values()].sort(
        (a, b) => compareText(a.kind, b.kind) || b.rows - a.rows || compareText(a.reason, b.reason),
      ),
      unmapped: [...this.codes.values()].sort(
        (a, b) =>
          compareText(a.kind, b.kind) ||
          compareText(a.column, b.column) ||
          b.rows - a.rows ||
          compareText(a.code, b.code),
      ),
      unlistedCodes: this.unlistedCodes,
      mirrors: { ...this.mirrors, conflicts: [...this.mirrors.conflicts] },
    };
  }

  private countsOf(key: ReportGroupKey): ReportCounts {
    const id = `${key.by}\u0000${key.year}\u0000${key.product}`;
    let group = this.groups.get(id);
    if (!group) {
      if (this.groups.size >= MAX_REPORT_GROUPS) return this.ungrouped;
      group = { ...key, rows: 0, skipped: 0, valueUsd: 0, importsUsd: 0, exportsUsd: 0 };
      this.groups.set(id, group);
    }
    return group;
  }

  private leftOut(kind: LeftOutReason["kind"], reason: string, line: number): void {
    let entry = this.reasons.get(`${kind}:${reason}`);
    if (!entry) {
      const listed = this.reasons.size < MAX_REPORTED_REASONS;
      const key = `${kind}:${listed ? reason : OTHER_REASONS}`;
      entry = this.reasons.get(key) ?? { kind, reason: listed ? reason : OTHER_REASONS, rows: 0, firstLines: [] };
      this.reasons.set(key, entry);
    }
    entry.rows++;
    if (entry.firstLines.length < MAX_REPORTED_LINES && entry.firstLines.at(-1) !== line) entry.firstLines.push(line);
  }

  private compare(line: number, fact: FactRecord, reporter: string, mirrorTitle: string): void {
    const value = fact.value!;
    for (const mirror of this.lookup!.find(fact, mirrorTitle)) {
      this.mirrors.compared++;
      const gap = mirrorGap(value, mirror.value);
      if (gap <= MIRROR_TOLERANCE) continue;
      this.mirrors.conflictCount++;
      if (this.mirrors.conflicts.length >= MAX_REPORTED_CONFLICTS) continue;
      this.mirrors.conflicts.push({
        line,
        metric: fact.metric,
        product: fact.product!,
        origin: fact.origin!,
        destination: fact.destination!,
        periodStart: fact.periodStart,
        periodEnd: fact.periodEnd,
        reporter,
        value,
        mirrorDatasetId: mirror.datasetId,
        mirrorSource: mirrorTitle,
        mirrorValue: mirror.value,
        gap,
      });
    }
  }
}
