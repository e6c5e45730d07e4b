import type { ReportCell, ReportDocument, ReportTable } from "./report-document.js";

/**
 * Text as Markdown shows it literally: no emphasis, links, HTML or table breaks, whatever a file's cells hold.
 * Characters that could start markup get a backslash; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*[\]<>|~&]/g, "\\$&")
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_");
}

function formatTable(table: ReportTable): string[] {
  const line = (cells: ReportCell[]) => `| ${cells.map((c) => escapeMarkdown(c.text)).join(" | ")} |`;
  const rule = `|${table.columns.map((c) => (c.numeric ? " ---: " : " --- ")).join("|")}|`;
  return [line(table.columns), rule, ...table.rows.map(line)];
}

/** An import report as a Markdown page (GitHub-flavoured tables). */
export function formatReportMarkdown(doc: ReportDocument): string {
  const lines = [`# ${escapeMarkdown(doc.title)}`, ""];
  for (const [label, value] of doc.facts) lines.push(`- ${escapeMarkdown(label)}: ${escapeMarkdown(value)}`);
  for (const section of doc.sections) {
    lines.push("", `## ${escapeMarkdown(section.heading)}`);
    for (const paragraph of section.text) lines.push("", escapeMarkdown(paragraph));
    if (section.table) lines.push("", ...formatTable(section.table));
  }
  return `${lines.join("\n")}\n`;
}
