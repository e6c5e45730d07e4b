import { formatRowError, type ImportFileSummary, type ImportRunSummary } from "@chipflow/db";

const count = (n: number) => n.toLocaleString("en-US");

type Said = { dryRun: boolean; skipInvalid: boolean };

const rowsOf = (s: ImportFileSummary) => s.rows + Object.values(s.skipped).reduce((a, b) => a + b, 0);

/** What one file gave: rows read, facts written, updated and rejected, and the rows left out on purpose. */
function fileLines(s: ImportFileSummary): string[] {
  const rows = rowsOf(s);
  const rate = s.seconds > 0 ? Math.round(rows / s.seconds) : rows;
  const lines = [
    `${s.file} → dataset ${s.datasetId} (${s.format}, ${s.encoding})`,
    `read ${count(rows)} rows giving ${count(s.read)} facts: ${count(s.inserted)} facts written, ` +
      `${count(s.updated)} updated, ${count(s.rejected)} rejected in ${s.seconds.toFixed(2)} s (${count(rate)} rows/s)`,
  ];
  for (const [reason, n] of Object.entries(s.skipped)) lines.push(`skipped ${count(n)} ${reason}`);
  return lines;
}

/** The verdict of an import: what was skipped, why nothing was imported, or that it was a dry run. */
function verdictLines(rejected: number, options: Said): string[] {
  if (rejected > 0 && options.skipInvalid) return [`skipped ${count(rejected)} invalid rows (listed above)`];
  if (rejected > 0)
    return [
      `nothing was imported: ${count(rejected)} rows have errors (listed above). ` +
        "Fix them, or pass --skip-invalid to import the other rows.",
    ];
  return options.dryRun ? ["dry run: nothing was written (the counts are what an import would do)"] : [];
}

/** The lines an import prints at the end: what was read, written, rejected and skipped, and how fast. */
export function formatImportSummary(s: ImportFileSummary, options: Said): string {
  return `${[...fileLines(s), ...verdictLines(s.rejected, options)].join("\n")}\n`;
}

/** The lines a run over many files prints: each file's, then the run's totals and its one verdict. */
export function formatRunSummary(run: ImportRunSummary, options: Said): string {
  const rows = run.files.reduce((s, f) => s + rowsOf(f), 0);
  const total = (key: "read" | "inserted" | "updated") => count(run.files.reduce((s, f) => s + f[key], 0));
  const rate = run.seconds > 0 ? Math.round(rows / run.seconds) : rows;
  const lines = [
    ...run.files.flatMap(fileLines),
    `${count(run.files.length)} files → ${run.datasets.length === 1 ? "dataset" : "datasets"} ${run.datasets.join(", ")}: ` +
      `read ${count(rows)} rows giving ${total("read")} facts: ${total("inserted")} facts written, ${total("updated")} ` +
      `updated, ${count(run.rejected)} rejected in ${run.seconds.toFixed(2)} s (${count(rate)} rows/s)`,
    ...verdictLines(run.rejected, options),
  ];
  return `${lines.join("\n")}\n`;
}

/** Every reported row error, one per line, and how many more were not listed. */
export function formatRowErrors(s: ImportFileSummary): string {
  if (s.errors.length === 0) return "";
  const lines = s.errors.map(formatRowError);
  const listed = new Set(s.errors.map((e) => e.line)).size;
  if (s.rejected > listed) lines.push(`… and ${count(s.rejected - listed)} more rejected rows not listed`);
  return `${lines.join("\n")}\n`;
}
