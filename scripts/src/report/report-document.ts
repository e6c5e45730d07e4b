import type { ImportReport, MirrorConflict, ReportCounts } from "@chipflow/db";

/** A cell's text, and whether it is a figure (figures are right-aligned). */
export interface ReportCell {
  text: string;
  numeric?: boolean;
}

export interface ReportTable {
  columns: ReportCell[];
  rows: ReportCell[][];
}

export interface ReportSection {
  heading: string;
  /** Paragraphs before the table. */
  text: string[];
  table?: ReportTable;
}

/** What an import report says, in the order it says it, before it is written as Markdown or HTML. */
export interface ReportDocument {
  title: string;
  /** Label and value pairs: the file, the dataset, what was read and written. */
  facts: [string, string][];
  sections: ReportSection[];
}

const count = (n: number) => n.toLocaleString("en-US");
const usd = (n: number) => Math.round(n).toLocaleString("en-US");
const num = (text: string): ReportCell => ({ text, numeric: true });
const cell = (text: string): ReportCell => ({ text });

/** `2018` for a calendar year, `2018-03` for a month, otherwise the two dates. */
export function toPeriodLabel(start: string, end: string): string {
  const year = start.slice(0, 4);
  if (start === `${year}-01-01` && end === `${year}-12-31`) return year;
  const month = start.slice(0, 7);
  const last = new Date(Date.UTC(Number(year), Number(start.slice(5, 7)), 0)).getUTCDate();
  if (start === `${month}-01` && end === `${month}-${String(last).padStart(2, "0")}`) return month;
  return `${start} … ${end}`;
}

/** What became of the import: written, a dry run that would write, or refused for its rejected rows. */
export function toOutcome(report: ImportReport): string {
  const written = `${count(report.inserted)} new facts, ${count(report.updated)} already held`;
  if (report.committed) return `imported: ${written}`;
  if (report.rejected > 0 && !report.skipInvalid)
    return (
      `${report.dryRun ? "dry run: " : ""}refused: ${count(report.rejected)} rows fail the checks, so nothing ` +
      `${report.dryRun ? "would be" : "was"} written (fix them, or pass --skip-invalid to import the others)`
    );
  if (report.dryRun) return `dry run: nothing was written; the import would write ${written}`;
  return "nothing was written";
}

/** The sections of an import report: what was read, rows by reporter, rows left out, unmapped codes, mirror conflicts. */
export function toReportDocument(report: ImportReport): ReportDocument {
  const skipped = report.leftOut.filter((r) => r.kind === "skipped").reduce((n, r) => n + r.rows, 0);
  return {
    title: `Import report: ${report.file}`,
    facts: [
      ["file", `${report.file} (${report.format}, ${report.encoding})`],
      ["dataset", report.datasetId],
      ["outcome", toOutcome(report)],
      ["rows read", count(report.rows)],
      ["facts from rows that pass the checks", count(report.facts)],
      ["rows skipped on purpose", count(skipped)],
      ["rows rejected", count(report.rejected)],
    ],
    sections: [rowsSection(report), leftOutSection(report), unmappedSection(report), mirrorSection(report)],
  };
}

function rowsSection(report: ImportReport): ReportSection {
  const comtrade = report.groupedBy === "reporter";
  const heading = comtrade ? "Rows by reporter, year and HS code" : "Rows by origin → destination, year and product";
  if (report.groups.length === 0 && !report.ungrouped) return { heading, text: ["None: no row gives facts."] };
  const figures = (c: ReportCounts) => [
    num(count(c.rows)),
    num(count(c.skipped)),
    ...(comtrade ? [num(usd(c.importsUsd)), num(usd(c.exportsUsd))] : [num(usd(c.valueUsd))]),
  ];
  const rows = report.groups.map((g) => [cell(g.by), cell(g.year), cell(g.product), ...figures(g)]);
  const all: ReportCounts[] = [...report.groups];
  if (report.ungrouped) {
    rows.push([cell("(further combinations)"), cell(""), cell(""), ...figures(report.ungrouped)]);
    all.push(report.ungrouped);
  }
  if (all.length > 1) rows.push([cell("total"), cell(""), cell(""), ...figures(sumCounts(all))]);
  return {
    heading,
    text: [
      comtrade
        ? "Rows that give facts, and rows skipped on purpose, by the country that reported them, the year and the " +
          "HS code; imports and exports are the reporter's own figures, trade value in USD."
        : "A chipflow file has no reporter: rows are counted by origin → destination (· where not stated), year, " +
          "and vendor and product; value sums the revenue_usd facts.",
    ],
    table: {
      columns: [
        cell(comtrade ? "reporter" : "origin → destination"),
        cell("year"),
        cell(comtrade ? "HS code" : "product"),
        num("rows"),
        num("skipped"),
        ...(comtrade ? [num("imports (USD)"), num("exports (USD)")] : [num("value (USD)")]),
      ],
      rows,
    },
  };
}

function sumCounts(all: ReportCounts[]): ReportCounts {
  const total: ReportCounts = { rows: 0, skipped: 0, valueUsd: 0, importsUsd: 0, exportsUsd: 0 };
  for (const c of all) for (const k of Object.keys(total) as (keyof ReportCounts)[]) total[k] += c[k];
  return total;
}

function leftOutSection(report: ImportReport): ReportSection {
  if (report.leftOut.length === 0) return { heading: "Rows left out and why", text: ["None: every row gives facts."] };
  return {
    heading: "Rows left out and why",
    text: [
      "Skipped rows are left out on purpose; rejected rows fail a check (a row with several faults counts under " +
        "each). Lines are the file's, the header being line 1.",
    ],
    table: {
      columns: [cell("kind"), cell("reason"), num("rows"), cell("first lines")],
      rows: report.leftOut.map((r) => [
        cell(r.kind),
        cell(r.reason),
        num(count(r.rows)),
        cell(`${r.firstLines.join(", ")}${r.rows > r.firstLines.length ? ", …" : ""}`),
      ]),
    },
  };
}

function unmappedSection(report: ImportReport): ReportSection {
  const heading = "Unmapped country and HS codes";
  if (report.unmapped.length === 0) return { heading, text: ["None: every country and HS code maps."] };
  const more = report.unlistedCodes > 0 ? [`${count(report.unlistedCodes)} more rows have codes not listed here.`] : [];
  return {
    heading,
    text: [
      "Codes that name no country or HS product chipflow knows. Rejected: the row fails (add the mapping, or pass " +
        "--skip-invalid); left out: an area that names no country, skipped on purpose.",
      ...more,
    ],
    table: {
      columns: [cell("kind"), cell("column"), cell("code"), num("rows"), num("first line"), cell("outcome")],
      rows: report.unmapped.map((u) => [
        cell(u.kind === "hs" ? "HS code" : "country"),
        cell(u.column),
        cell(u.code),
        num(count(u.rows)),
        num(String(u.firstLine)),
        cell(u.outcome),
      ]),
    },
  };
}

function mirrorSection(report: ImportReport): ReportSection {
  const heading = "Mirror-flow conflicts";
  const m = report.mirrors;
  const percent = `${Math.round(m.tolerance * 100)}%`;
  if (report.groupedBy !== "reporter")
    return { heading, text: ["Not checked: mirror flows are compared for UN Comtrade files only."] };
  if (!m.checked) return { heading, text: ["Not checked: the database is in memory and cannot be read apart."] };
  const text = [
    `Each fact reported by one country is compared with its partner's report of the same flow (same metric, HS ` +
      `code, origin, destination and period) already in the database, in datasets other than ${report.datasetId}; ` +
      `two figures conflict when they differ by more than ${percent} of the larger. ` +
      `Pairs compared: ${count(m.compared)}; more than ${percent} apart: ${count(m.conflictCount)}.`,
  ];
  if (m.conflictCount > m.conflicts.length)
    text.push(`The first ${count(m.conflicts.length)} are listed, in file order.`);
  if (m.conflicts.length === 0) return { heading, text };
  return {
    heading,
    text,
    table: {
      columns: [
        num("line"),
        cell("product"),
        cell("flow"),
        cell("period"),
        cell("metric"),
        cell("reported by"),
        num("value"),
        cell("partner's report"),
        cell("in dataset"),
        num("partner's value"),
        num("gap"),
      ],
      rows: m.conflicts.map(conflictRow),
    },
  };
}

function conflictRow(c: MirrorConflict): ReportCell[] {
  return [
    num(String(c.line)),
    cell(c.product),
    cell(`${c.origin} → ${c.destination}`),
    cell(toPeriodLabel(c.periodStart, c.periodEnd)),
    cell(c.metric),
    cell(c.reporter),
    num(usd(c.value)),
    cell(c.mirrorSource),
    cell(c.mirrorDatasetId),
    num(usd(c.mirrorValue)),
    num(`${(c.gap * 100).toFixed(1)}%`),
  ];
}
