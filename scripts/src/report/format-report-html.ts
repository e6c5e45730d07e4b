import type { ReportCell, ReportDocument, ReportTable } from "./report-document.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML shows it literally, in an element or an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:75em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
th{background:#f3f3f3}.n{text-align:right;font-variant-numeric:tabular-nums}dt{font-weight:600;float:left;clear:left;
width:13em}dd{margin:0 0 .2em 13em}`;

function formatCell(tag: "th" | "td", c: ReportCell): string {
  return `<${tag}${c.numeric ? ' class="n"' : ""}>${escapeHtml(c.text)}</${tag}>`;
}

function formatTable(table: ReportTable): string[] {
  return [
    "<table>",
    `<thead><tr>${table.columns.map((c) => formatCell("th", c)).join("")}</tr></thead>`,
    "<tbody>",
    ...table.rows.map((row) => `<tr>${row.map((c) => formatCell("td", c)).join("")}</tr>`),
    "</tbody>",
    "</table>",
  ];
}

function formatDocument(doc: ReportDocument): string[] {
  const lines = [
    `<h1>${escapeHtml(doc.title)}</h1>`,
    "<dl>",
    ...doc.facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`),
    "</dl>",
  ];
  for (const section of doc.sections) {
    lines.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    for (const paragraph of section.text) lines.push(`<p>${escapeHtml(paragraph)}</p>`);
    if (section.table) lines.push(...formatTable(section.table));
  }
  return lines;
}

/**
 * Import reports (one per file of the run) as one HTML page, with no scripts and no outside resources; every text
 * from the files escaped.
 */
export function formatReportHtml(docs: readonly ReportDocument[]): string {
  const title = docs.length === 1 ? docs[0]!.title : `Import report: ${docs.length} files`;
  const lines = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    ...docs.flatMap((doc, i) => [...(i > 0 ? ["<hr>"] : []), ...formatDocument(doc)]),
    "</body>",
    "</html>",
  ];
  return `${lines.join("\n")}\n`;
}
