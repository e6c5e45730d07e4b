import type { ImportReport } from "@chipflow/db";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { formatReportHtml } from "./format-report-html.js";
import { formatReportMarkdown } from "./format-report-markdown.js";
import { toReportDocument } from "./report-document.js";

export type ReportFormat = "markdown" | "html";

const FORMATS: Record<string, ReportFormat> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
};

/** The report's format by its file's extension: .md (or .markdown) or .html (or .htm); undefined for any other. */
export function toReportFormat(path: string): ReportFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/**
 * Writes the reports of an import (one per file) as Markdown or HTML, beside the target first and renamed into place
 * when complete.
 */
export function writeImportReport(path: string, reports: readonly ImportReport[], format: ReportFormat): void {
  const docs = reports.map(toReportDocument);
  const partial = `${path}.partial`;
  try {
    writeFileSync(
      partial,
      format === "html" ? formatReportHtml(docs) : docs.map(formatReportMarkdown).join("\n---\n\n"),
    );
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
