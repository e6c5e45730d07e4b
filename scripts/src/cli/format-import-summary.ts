import { formatRowError, type ImportFileSummary } from "@chipflow/db";

const count = (n: number) => n.toLocaleString("en-US");

/** The lines an import prints at the end: what was read, written, rejected and skipped, and how fast. */
export function formatImportSummary(s: ImportFileSummary, options: { dryRun: boolean; skipInvalid: boolean }): string {
  const rows = s.rows + Object.values(s.skipped).reduce((a, b) => a + b, 0);
  const rate = s.seconds > 0 ? Math.round(rows / s.seconds) : rows;
  const lines = [
    `${s.file} → dataset ${s.datasetId} (${s.format}, ${s.encoding})`,
    `read ${count(rows)} rows giving ${count(s.read)} facts: ${count(s.inserted)} facts written, ` +
      `${count(s.updated)} updated, ${count(s.rejected)} rejected in ${s.seconds.toFixed(2)} s (${count(rate)} rows/s)`,
  ];
  for (const [reason, n] of Object.entries(s.skipped)) lines.push(`skipped ${count(n)} ${reason}`);
  if (s.rejected > 0 && options.skipInvalid) lines.push(`skipped ${count(s.rejected)} invalid rows (listed above)`);
  if (s.rejected > 0 && !options.skipInvalid) {
    lines.push(
      `nothing was imported: ${count(s.rejected)} rows have errors (listed above). ` +
        "Fix them, or pass --skip-invalid to import the other rows.",
    );
  } else if (options.dryRun) {
    lines.push("dry run: nothing was written (the counts are what an import would do)");
  }
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
